package io.citustestkit.examples.springboot;

import org.springframework.data.jpa.repository.JpaRepository;

/** The event types every tenant shares (a reference table). */
public interface EventTypeRepository extends JpaRepository<EventType, String> {
}

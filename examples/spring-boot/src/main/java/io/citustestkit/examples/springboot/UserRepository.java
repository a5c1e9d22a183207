package io.citustestkit.examples.springboot;

import org.springframework.data.jpa.repository.JpaRepository;

/** The tenants. */
public interface UserRepository extends JpaRepository<User, Long> {
}

package io.citustestkit.examples.springboot;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * A tenant's events. Every method names the tenant ({@code ownerId}), so Citus routes it to the one
 * shard that holds the tenant, except {@link #deleteByEventType}, which the service misuses.
 */
// tag::spring-boot-repository[]
public interface EventRepository extends JpaRepository<Event, TenantScopedId> {

    List<Event> findByOwnerIdAndEventTypeOrderById(long ownerId, String eventType);

    long countByOwnerId(long ownerId);

    @Transactional
    @Modifying
    @Query("delete from Event e where e.ownerId = :ownerId and e.eventType = :eventType")
    int deleteByOwnerIdAndEventType(long ownerId, String eventType);

    @Transactional
    @Modifying
    @Query("delete from Event e where e.eventType = :eventType")  // every tenant's: for operators only
    int deleteByEventType(String eventType);
}
// end::spring-boot-repository[]

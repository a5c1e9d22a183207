package io.citustestkit.examples.springboot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.springframework.data.domain.Persistable;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A tenant's event, in {@code events}, distributed by {@code owner_id} and colocated with
 * {@code users}: the tenant is part of the key, so loading, updating and deleting one event goes to
 * one shard.
 */
// tag::spring-boot-entity[]
@Entity
@Table(name = "events")
@IdClass(TenantScopedId.class)
public class Event implements Persistable<TenantScopedId> {

    @Id
    @Column(name = "owner_id")
    private Long ownerId;                // the distribution column, part of the key

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "events_id")
    @SequenceGenerator(name = "events_id", sequenceName = "events_id_seq", allocationSize = 1)
    private Long id;                     // the bigserial's own sequence

    // ... event_type, session_id, payload, created_at; isNew() is id == null, so save() persists
    // end::spring-boot-entity[]

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "session_id")
    private Long sessionId;

    @JdbcTypeCode(SqlTypes.JSON)
    private String payload = "{}";

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    protected Event() {
    }

    public Event(long ownerId, String eventType, Long sessionId) {
        this.ownerId = ownerId;
        this.eventType = eventType;
        this.sessionId = sessionId;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    /** The key, once the row is stored. */
    @Override
    public TenantScopedId getId() {
        return id == null ? null : new TenantScopedId(ownerId, id);
    }

    /** New until the sequence gave it an id: Spring Data persists it instead of merging. */
    @Override
    public boolean isNew() {
        return id == null;
    }

    public String getEventType() {
        return eventType;
    }

    public Long getSessionId() {
        return sessionId;
    }
}

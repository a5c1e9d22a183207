package io.citustestkit.examples.springboot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

/** A tenant's session, in {@code user_sessions}, distributed by {@code owner_id} and colocated with {@code users}. */
@Entity
@Table(name = "user_sessions")
@IdClass(TenantScopedId.class)
public class UserSession implements Persistable<TenantScopedId> {

    @Id
    @Column(name = "owner_id")
    private Long ownerId;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_sessions_id")
    @SequenceGenerator(name = "user_sessions_id", sequenceName = "user_sessions_id_seq", allocationSize = 1)
    private Long id;

    private String token;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected UserSession() {
    }

    public UserSession(long ownerId, String token, Instant expiresAt) {
        this.ownerId = ownerId;
        this.token = token;
        this.expiresAt = expiresAt;
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

    public String getToken() {
        return token;
    }
}

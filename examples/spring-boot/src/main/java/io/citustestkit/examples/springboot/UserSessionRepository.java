package io.citustestkit.examples.springboot;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** A tenant's sessions: every query names the tenant. */
public interface UserSessionRepository extends JpaRepository<UserSession, TenantScopedId> {

    Optional<UserSession> findByOwnerIdAndToken(long ownerId, String token);
}

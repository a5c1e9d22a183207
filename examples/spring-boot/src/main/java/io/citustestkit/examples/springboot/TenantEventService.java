package io.citustestkit.examples.springboot;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * The service the application's controllers call: each call is one tenant's. {@link #forgetEventsOfType}
 * has the bug statement recording exists for: it calls the repository method that lost its tenant
 * filter, so it deletes the events of every tenant, on every shard.
 */
@Service
@Transactional
public class TenantEventService {

    private final UserRepository users;
    private final UserSessionRepository sessions;
    private final EventRepository events;

    public TenantEventService(UserRepository users, UserSessionRepository sessions, EventRepository events) {
        this.users = users;
        this.sessions = sessions;
        this.events = events;
    }

    public User signUp(long tenant, String email) {
        return users.save(new User(tenant, email));
    }

    /** Starts a session and records the login in it. */
    public UserSession logIn(long tenant, String token, Instant expiresAt) {
        UserSession session = sessions.save(new UserSession(tenant, token, expiresAt));
        events.save(new Event(tenant, "login", session.getId().id()));
        return session;
    }

    @Transactional(readOnly = true)
    public long countEvents(long tenant) {
        return events.countByOwnerId(tenant);
    }

    /** Meant to delete one tenant's events of a type; it calls the method without the tenant. */
    public int forgetEventsOfType(long tenant, String type) {
        return events.deleteByEventType(type); // BUG: deleteByOwnerIdAndEventType(tenant, type)
    }
}

package io.citustestkit.examples;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data access of a multi-tenant application, as a library author would write it: every statement
 * is a constant, so a test can check how Citus distributes each one without running the application
 * ({@link EventRepositoryIT}). Every method but the operators' report is scoped to one tenant by
 * {@code owner_id}, the distribution column of {@code events}.
 */
// tag::event-repository[]
final class EventRepository {

    /** A tenant's latest events, newest first. Parameters: owner id, limit. */
    static final String EVENTS_OF_OWNER = "SELECT id, event_type, payload::text FROM events"
            + " WHERE owner_id = ? ORDER BY created_at DESC, id DESC LIMIT ?";

    /** How many events of each type a tenant has. Parameter: owner id. */
    static final String COUNT_BY_TYPE = "SELECT event_type, count(*) FROM events"
            + " WHERE owner_id = ? GROUP BY event_type ORDER BY event_type";

    /** Records an event of a tenant. Parameters: owner id, event type, payload (JSON text). */
    static final String RECORD_EVENT = "INSERT INTO events (owner_id, event_type, payload) VALUES (?, ?, ?::jsonb)";

    /** Deletes every event of a tenant. Parameter: owner id. */
    static final String FORGET_OWNER = "DELETE FROM events WHERE owner_id = ?";

    /** The operators' report, across all tenants: meant to run on every shard, in parallel. */
    static final String COUNT_BY_TYPE_OF_ALL_TENANTS = "SELECT event_type, count(*) FROM events"
            + " GROUP BY event_type ORDER BY event_type";
    // end::event-repository[]

    /** One event as the application reads it. */
    record Event(long id, String type, String payload) {
    }

    private final DataSource dataSource;

    EventRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<Event> eventsOf(long ownerId, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(EVENTS_OF_OWNER)) {
            statement.setLong(1, ownerId);
            statement.setInt(2, limit);
            List<Event> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new Event(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
            return events;
        }
    }

    Map<String, Long> countByType(long ownerId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(COUNT_BY_TYPE)) {
            statement.setLong(1, ownerId);
            return counts(statement);
        }
    }

    Map<String, Long> countByTypeOfAllTenants() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(COUNT_BY_TYPE_OF_ALL_TENANTS)) {
            return counts(statement);
        }
    }

    void record(long ownerId, String type, String payloadJson) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(RECORD_EVENT)) {
            statement.setLong(1, ownerId);
            statement.setString(2, type);
            statement.setString(3, payloadJson);
            statement.executeUpdate();
        }
    }

    int forget(long ownerId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FORGET_OWNER)) {
            statement.setLong(1, ownerId);
            return statement.executeUpdate();
        }
    }

    private static Map<String, Long> counts(PreparedStatement statement) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}

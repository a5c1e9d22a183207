package io.citustestkit.examples;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A hand-written JDBC repository of the application, used through the application's own pool: the
 * tests never see its SQL. {@link #forgetEventsOfType} has the bug statement recording exists for: it
 * lost its tenant filter, so it deletes the events of every tenant, on every shard.
 */
// tag::tenant-events[]
final class TenantEvents {

    private final DataSource pool;

    TenantEvents(DataSource pool) {
        this.pool = pool;
    }

    void addTenant(long tenant, String email) throws SQLException {
        update("INSERT INTO users (id, email) VALUES (?, ?)", tenant, email);
    }

    void record(long tenant, String type) throws SQLException {
        update("INSERT INTO events (owner_id, event_type) VALUES (?, ?)", tenant, type);
    }

    long count(long tenant) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM events WHERE owner_id = ?")) {
            statement.setLong(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Meant to delete one tenant's events of a type; the tenant filter got lost in a refactoring. */
    void forgetEventsOfType(long tenant, String type) throws SQLException {
        update("DELETE FROM events WHERE event_type = ?", type); // BUG: no "owner_id = ?"
    }
    // end::tenant-events[]

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}

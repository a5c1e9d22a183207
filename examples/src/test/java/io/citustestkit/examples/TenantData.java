package io.citustestkit.examples;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Rows of the multi-tenant model ({@code multi-tenant-schema.sql}) for the examples that run their
 * queries, not only check their plans. Inserted inside each test: {@code @CitusCluster} brings the
 * tables back to the rows the schema left between tests (the event types, which the schema seeds). The
 * foreign keys of the schema decide the order: the user first, then the user's events.
 */
final class TenantData {

    /** The event types every tenant's events refer to: rows of the reference table {@code event_types} the schemas seed. */
    static final String[] EVENT_TYPES = {"login", "purchase", "logout"};

    private TenantData() {
    }

    /** Inserts the user {@code id} (a tenant), with an email made of its id. */
    static void insertUser(DataSource dataSource, long id) throws SQLException {
        update(dataSource, "INSERT INTO users (id, email) VALUES (?, ?)", id, "user" + id + "@example.com");
    }

    /** Inserts one event of the owner per type given, in order. */
    static void insertEvents(DataSource dataSource, long ownerId, String... types) throws SQLException {
        for (String type : types) {
            update(dataSource, "INSERT INTO events (owner_id, event_type) VALUES (?, ?)", ownerId, type);
        }
    }

    /** Inserts a session of the owner and returns its id. */
    static long insertSession(DataSource dataSource, long ownerId, String token) throws SQLException {
        return queryForLong(dataSource, "INSERT INTO user_sessions (owner_id, token, expires_at)"
                + " VALUES (?, ?, now() + interval '1 hour') RETURNING id", ownerId, token);
    }

    /** Runs a query that returns one number, e.g. a {@code count(*)}. */
    static long queryForLong(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Runs a query that returns one text, e.g. a column of one row. */
    static String queryForString(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    static void update(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}

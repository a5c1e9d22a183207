package io.citustestkit.examples;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Rows of the schema-per-tenant model ({@code schema-per-tenant-schema.sql}) for the examples that run
 * their statements: a tenant is a schema, so the tenant's schema names the tables. Inserted inside each
 * test: {@code @CitusCluster} empties the tables between tests, the single-shard tables of the tenant
 * schemas included.
 */
final class TenantSchemaData {

    /** The tenant schemas of {@code schema-per-tenant-schema.sql}. */
    static final String[] TENANTS = {"tenant_acme", "tenant_globex"};

    /** The tables every tenant schema has, and the reference table they share. */
    static final String[] TABLES = {"users", "user_sessions", "events"};

    private TenantSchemaData() {
    }

    /** Inserts the user {@code id} into a tenant's schema, with an email made of its id. */
    static void insertUser(DataSource dataSource, String tenant, long id) throws SQLException {
        update(dataSource, "INSERT INTO " + tenant + ".users (id, email) VALUES (?, ?)", id, "user" + id + "@example.com");
    }

    /** Inserts one event of the user per type given, in order; the types must be in {@code event_types}. */
    static void insertEvents(DataSource dataSource, String tenant, long userId, String... types) throws SQLException {
        for (String type : types) {
            update(dataSource, "INSERT INTO " + tenant + ".events (user_id, event_type) VALUES (?, ?)", userId, type);
        }
    }

    /** Inserts a session of the user and returns its generated id. */
    static long insertSession(DataSource dataSource, String tenant, long userId, String token) throws SQLException {
        return TenantData.queryForLong(dataSource, "INSERT INTO " + tenant + ".user_sessions (user_id, token, expires_at)"
                + " VALUES (?, ?, now() + interval '1 hour') RETURNING id", userId, token);
    }

    private static void update(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}

package io.citustestkit.schema;

import io.citustestkit.commons.CitusTestkitException;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Where a cluster's schema comes from, chosen by the location's prefix:
 * <ul>
 *   <li>a SQL script: {@code classpath:schema.sql} or a file path ({@link SchemaLocation});</li>
 *   <li>Flyway migrations: {@code flyway:} and one or more Flyway locations separated by commas,
 *       {@code flyway:classpath:db/migration,filesystem:src/test/db} ({@link FlywayMigrations});</li>
 *   <li>a Liquibase changelog: {@code liquibase:classpath:db/changelog/db.changelog-master.yaml} or
 *       {@code liquibase:} and a file path ({@link LiquibaseChangelog}).</li>
 * </ul>
 * Sources are read when they are created, so a missing one (or a missing Flyway or Liquibase library) is
 * reported before any container starts; they are applied in the order given, each once.
 *
 * <pre>{@code
 * SchemaSource schema = SchemaSource.of("flyway:classpath:db/migration");
 * schema.fingerprint(); // changes whenever a migration's content changes
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public interface SchemaSource {

    /**
     * The source at {@code location}.
     *
     * @param location a script ({@code classpath:} resource or file path), {@code flyway:locations} or
     *                 {@code liquibase:changelog}
     * @return the source, read and checked
     * @throws IllegalArgumentException if the location is blank, does not exist, or cannot be read
     * @throws CitusTestkitException if it names Flyway or Liquibase and that library is not on the class path
     */
    static SchemaSource of(String location) {
        String stripped = location == null ? "" : location.strip();
        if (stripped.startsWith(FlywayMigrations.PREFIX)) {
            return FlywayMigrations.of(stripped);
        }
        if (stripped.startsWith(LiquibaseChangelog.PREFIX)) {
            return LiquibaseChangelog.of(stripped);
        }
        return SchemaLocation.of(location);
    }

    /** {@return the location as given, e.g. {@code classpath:schema.sql}} */
    String location();

    /**
     * A digest of everything this source applies (content, not names): two sources with the same
     * fingerprint leave the same schema behind. Cluster snapshots are keyed by it.
     *
     * @return a hexadecimal SHA-256 digest
     */
    String fingerprint();

    /**
     * Applies this source on a Citus coordinator.
     *
     * @param coordinator connections to the coordinator
     * @throws SchemaStatementException if the server rejects a statement of a SQL script
     * @throws SchemaMigrationException if a Flyway migration or a Liquibase change set fails
     */
    void applyTo(DataSource coordinator);

    /**
     * Applies sources in order.
     *
     * @param coordinator connections to the coordinator
     * @param sources the sources, in the order given
     */
    static void applyAll(DataSource coordinator, List<? extends SchemaSource> sources) {
        sources.forEach(source -> source.applyTo(coordinator));
    }

    /**
     * Applies sources in order on one session, which Flyway and Liquibase use too (they are handed a
     * {@code DataSource} that always returns it and never closes it), so settings made on the session
     * beforehand ({@code SET citus.shard_count = 4}) apply to everything. The session's auto-commit mode
     * is restored after each source.
     *
     * <pre>{@code
     * try (Connection session = dataSource.getConnection()) {
     *     session.createStatement().execute("SET citus.shard_count = 4");
     *     SchemaSource.applyAll(session, List.of(SchemaSource.of("flyway:classpath:db/migration")));
     * }
     * }</pre>
     *
     * @param session a connection to the coordinator, in auto-commit mode; the caller closes it
     * @param sources the sources, in the order given
     * @throws SchemaStatementException if the server rejects a statement of a SQL script
     * @throws SchemaMigrationException if a Flyway migration or a Liquibase change set fails
     */
    static void applyAll(Connection session, List<? extends SchemaSource> sources) {
        DataSource single = new SessionDataSource(session);
        for (SchemaSource source : sources) {
            boolean autoCommit;
            try {
                autoCommit = session.getAutoCommit();
            } catch (SQLException e) {
                throw new CitusTestkitException("Could not read the auto-commit mode of the session to apply schema '"
                        + source.location() + "' on: " + e.getMessage(), e);
            }
            boolean applied = false;
            try {
                source.applyTo(single);
                applied = true;
            } finally {
                restoreAutoCommit(session, autoCommit, applied, source);
            }
        }
    }

    private static void restoreAutoCommit(Connection session, boolean autoCommit, boolean applied, SchemaSource source) {
        try {
            if (!session.isClosed() && session.getAutoCommit() != autoCommit) {
                if (!session.getAutoCommit()) {
                    if (applied) {
                        session.commit();
                    } else {
                        session.rollback();
                    }
                }
                session.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (applied) {
                throw new CitusTestkitException("Could not restore the auto-commit mode of the session after schema '"
                        + source.location() + "': " + e.getMessage(), e);
            }
        }
    }
}

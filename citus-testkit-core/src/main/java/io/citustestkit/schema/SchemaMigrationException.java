package io.citustestkit.schema;

import io.citustestkit.commons.CitusTestkitException;
import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * A Flyway migration or a Liquibase change set failed on the coordinator. The message names the
 * source, the migration (version or change set, description, file and line where the tool gives them),
 * the statement, and the server's message with its DETAIL and HINT, where Citus explains what it
 * refuses and why. The tool's exception is the cause.
 *
 * <pre>{@code
 * catch (SchemaMigrationException e) {
 *     e.location();             // "flyway:classpath:db/migration"
 *     e.migration().version();  // "2"
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class SchemaMigrationException extends CitusTestkitException {

    private static final long serialVersionUID = 1L;

    /** The schema source that holds the failed migration. */
    private final String location;
    private final transient FailedMigration migration;

    /**
     * Creates the exception.
     *
     * @param location the schema source, e.g. {@code flyway:classpath:db/migration}
     * @param migration the migration that failed
     * @param cause the tool's exception
     */
    public SchemaMigrationException(String location, FailedMigration migration, Throwable cause) {
        this(location, migration, cause, false);
    }

    private SchemaMigrationException(String location, FailedMigration migration, Throwable cause, boolean clusterDiscarded) {
        super(SchemaMessages.migrationFailed(location, migration, cause, clusterDiscarded), cause);
        this.location = location;
        this.migration = migration;
    }

    /** {@return the same failure, said of a cluster that was torn down because of it (during start-up)} */
    public SchemaMigrationException withClusterDiscarded() {
        return new SchemaMigrationException(location, migration, getCause(), true);
    }

    /** {@return the schema source that holds the failed migration} */
    public String location() {
        return location;
    }

    /** {@return the migration that failed} */
    public FailedMigration migration() {
        return migration;
    }
}

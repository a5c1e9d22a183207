package io.citustestkit.schema;

import io.citustestkit.commons.Sha256;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Flyway migrations as a schema source: {@code flyway:} followed by one or more Flyway locations
 * separated by commas, exactly as in Flyway's {@code flyway.locations} setting
 * ({@code classpath:db/migration}, {@code filesystem:src/main/resources/db/migration}; a location
 * without a prefix is on the class path, as in Flyway). All locations form one Flyway run, so their
 * migrations are ordered by version together.
 *
 * <p>The locations are read when the source is created: a missing one is reported before any container
 * starts, and {@link #fingerprint()} covers every file found under them (path and content). Applying
 * runs {@code Flyway.migrate()} with Flyway's defaults, on connections from the given {@code DataSource},
 * plus {@code baselineOnMigrate} at version 0, so that SQL scripts applied before it (a non-empty schema)
 * do not stop it. Flyway records what it applied in {@code flyway_schema_history}, a plain (local) table on
 * the coordinator that the kit's per-test cleanup never empties (it only empties Citus tables).
 * Needs {@code org.flywaydb:flyway-core} and {@code org.flywaydb:flyway-database-postgresql} on the class
 * path; give one {@code flyway:} source per cluster (two would share the history table).
 *
 * <pre>{@code
 * CitusTestCluster.builder()
 *         .schema("classpath:extensions.sql", "flyway:classpath:db/migration,classpath:db/test-data")
 *         .start();
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class FlywayMigrations implements SchemaSource {

    /** Prefix of a Flyway schema source. */
    public static final String PREFIX = "flyway:";

    private final String location;
    private final List<String> locations;
    private final String fingerprint;

    private FlywayMigrations(String location, List<String> locations, String fingerprint) {
        this.location = location;
        this.locations = locations;
        this.fingerprint = fingerprint;
    }

    /**
     * Reads the migrations of {@code flyway:location[,location...]}.
     *
     * @param location the source, starting with {@value #PREFIX}
     * @return the source, read and checked
     * @throws IllegalArgumentException if a location is blank, does not exist, or holds no file
     * @throws io.citustestkit.commons.CitusTestkitException if Flyway is not on the class path, naming the
     *                                                       artifacts to add
     */
    public static FlywayMigrations of(String location) {
        String source = location.strip();
        if (!source.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A Flyway schema source starts with '" + PREFIX + "', e.g. 'flyway:classpath:db/migration', "
                    + "but was '" + source + "'.");
        }
        SchemaTool.FLYWAY.requireOnClassPath(source);
        List<String> locations = Arrays.stream(source.substring(PREFIX.length()).split(",", -1)).map(String::strip).toList();
        if (locations.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("Schema '" + source + "' names an empty Flyway location. Give one or more locations "
                    + "separated by commas: 'flyway:classpath:db/migration' or 'flyway:classpath:db/migration,filesystem:db/more'.");
        }
        List<byte[]> parts = new ArrayList<>();
        parts.add(bytes("flyway " + ToolSettings.flywayVersion()));
        int found = 0;
        for (String each : locations) {
            List<MigrationFiles.File> files = MigrationFiles.scan(each, source);
            parts.add(bytes(each));
            for (MigrationFiles.File file : files) {
                parts.add(bytes(file.relativePath()));
                parts.add(file.content());
            }
            found += files.size();
        }
        if (found == 0) {
            throw new IllegalArgumentException("Schema '" + source + "' holds no migration: its locations " + locations
                    + " exist but are empty. Put the migrations there (V1__create_tables.sql, ...).");
        }
        return new FlywayMigrations(source, locations, Sha256.ofBytes(parts));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String location() {
        return location;
    }

    /** {@return the Flyway locations, in the order given, e.g. {@code [classpath:db/migration]}} */
    public List<String> locations() {
        return locations;
    }

    /**
     * {@inheritDoc} Covers the Flyway version, and the path (below its location, which holds the version
     * and description) and the content of every file under the locations, sorted by path. Nothing else
     * changes what this source applies: the kit's Flyway reads no configuration file, environment
     * variable or system property, so no placeholder can be set (only Flyway's built-in ones, such as
     * {@code ${flyway:timestamp}}, vary; snapshots live at most their maximum age).
     */
    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Runs Flyway's {@code migrate} on the coordinator.
     *
     * @param coordinator connections to the coordinator
     * @throws SchemaMigrationException if a migration fails, naming it, with the server's error
     */
    @Override
    public void applyTo(DataSource coordinator) {
        FlywayRun.migrate(this, coordinator);
    }

    @Override
    public String toString() {
        return location;
    }
}

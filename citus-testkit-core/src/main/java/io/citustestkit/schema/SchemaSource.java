package io.citustestkit.schema;

import javax.sql.DataSource;
import java.util.List;

/**
 * Where a cluster's schema comes from: a SQL script ({@code classpath:schema.sql}, a file path), and
 * in time Flyway migrations ({@code flyway:classpath:db/migration}) or a Liquibase changelog
 * ({@code liquibase:classpath:db/changelog/db.changelog-master.yaml}). Sources are read when they are
 * created, so a missing one is reported before any container starts.
 *
 * <pre>{@code
 * SchemaSource schema = SchemaSource.of("classpath:schema.sql");
 * schema.fingerprint(); // changes whenever the script's content changes
 * }</pre>
 */
public interface SchemaSource {

    /**
     * The source at {@code location}.
     *
     * @param location a script ({@code classpath:} resource or file path)
     * @return the source, read and checked
     * @throws IllegalArgumentException if the location is blank, does not exist, or cannot be read
     */
    static SchemaSource of(String location) {
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
     * @throws SchemaStatementException if the server rejects a statement
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
}

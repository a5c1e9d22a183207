package io.citustestkit.schema;

import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A Liquibase changelog as a schema source: {@code liquibase:} followed by the master changelog, on the
 * class path ({@code liquibase:classpath:db/changelog/db.changelog-master.yaml}) or a file path
 * ({@code liquibase:src/main/resources/db/changelog/db.changelog-master.yaml}, {@code file:} optional).
 * Includes are resolved as Liquibase does: relative to the changelog ({@code relativeToChangelogFile})
 * or from the class path root; for a file path, also from the changelog's directory.
 *
 * <p>The changelog is parsed when the source is created, so a missing file or a broken include is
 * reported before any container starts. {@link #fingerprint()} covers the master changelog's content,
 * the content of every changelog file that holds a change set (included ones too), and each change
 * set's id, author and Liquibase checksum (which covers the files a {@code sqlFile} change reads), the
 * Liquibase version, and what Liquibase takes from the JVM: every {@code liquibase.*} system property
 * and {@code LIQUIBASE_*} environment variable (contexts, labels, every setting) and the value of every
 * changelog parameter ({@code ${name}}) the changelog refers to, which Liquibase reads from system
 * properties and environment variables. Not covered: files read only at run time, such as the classes
 * of custom Java changes. Applying runs Liquibase's {@code update} on a connection from the given
 * {@code DataSource}; the kit sets no context or label filter (Liquibase's own settings may). Liquibase records what it applied in {@code databasechangelog} and {@code databasechangeloglock},
 * plain (local) tables on the coordinator that the kit's per-test cleanup never empties (it only empties
 * Citus tables). Needs {@code org.liquibase:liquibase-core} on the class path.
 *
 * <pre>{@code
 * CitusTestCluster.builder()
 *         .schema("liquibase:classpath:db/changelog/db.changelog-master.yaml", "classpath:test-data.sql")
 *         .start();
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class LiquibaseChangelog implements SchemaSource {

    /** Prefix of a Liquibase schema source. */
    public static final String PREFIX = "liquibase:";

    private final String location;
    private final String changelog;
    private final Path directory;
    private final String fingerprint;

    private LiquibaseChangelog(String location, String changelog, Path directory) {
        this.location = location;
        this.changelog = changelog;
        this.directory = directory;
        this.fingerprint = LiquibaseRun.fingerprint(this);
    }

    /**
     * Reads and parses the changelog of {@code liquibase:changelog}.
     *
     * @param location the source, starting with {@value #PREFIX}
     * @return the source, read and checked
     * @throws IllegalArgumentException if the changelog does not exist or Liquibase cannot parse it
     * @throws io.citustestkit.commons.CitusTestkitException if Liquibase is not on the class path, naming the
     *                                                       artifact to add
     */
    public static LiquibaseChangelog of(String location) {
        String source = location.strip();
        if (!source.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A Liquibase schema source starts with '" + PREFIX
                    + "', e.g. 'liquibase:classpath:db/changelog/db.changelog-master.yaml', but was '" + source + "'.");
        }
        SchemaTool.LIQUIBASE.requireOnClassPath(source);
        String changelog = source.substring(PREFIX.length()).strip();
        if (changelog.isEmpty()) {
            throw new IllegalArgumentException("Schema '" + source + "' names no changelog: use "
                    + "'liquibase:classpath:db/changelog/db.changelog-master.yaml' or a file path after 'liquibase:'.");
        }
        if (changelog.startsWith(SchemaLocation.CLASSPATH_PREFIX)) {
            String resource = changelog.substring(SchemaLocation.CLASSPATH_PREFIX.length()).replaceFirst("^/+", "");
            if (classLoader().getResource(resource) == null) {
                throw new IllegalArgumentException("Liquibase changelog '" + changelog + "' of schema '" + source
                        + "' was not found on the class path. Put it under src/test/resources/" + resource
                        + " (or src/main/resources), or give a file path.");
            }
            return new LiquibaseChangelog(source, resource, null);
        }
        Path file = Path.of(changelog.startsWith("file:") ? changelog.substring("file:".length()) : changelog).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Liquibase changelog '" + changelog + "' of schema '" + source
                    + "' does not exist (resolved to " + file + "). Give an existing file, or use 'classpath:...' for a resource.");
        }
        return new LiquibaseChangelog(source, file.getFileName().toString(), file.getParent());
    }

    static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : LiquibaseChangelog.class.getClassLoader();
    }

    @Override
    public String location() {
        return location;
    }

    /** {@return the changelog's path as Liquibase sees it: on the class path, or relative to {@link #directory()}} */
    String changelog() {
        return changelog;
    }

    /** {@return the directory of a changelog given as a file path, {@code null} for one on the class path} */
    Path directory() {
        return directory;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Runs Liquibase's {@code update} on the coordinator.
     *
     * @param coordinator connections to the coordinator
     * @throws SchemaMigrationException if a change set fails, naming it, with the server's error
     */
    @Override
    public void applyTo(DataSource coordinator) {
        LiquibaseRun.update(this, coordinator);
    }

    @Override
    public String toString() {
        return location;
    }
}

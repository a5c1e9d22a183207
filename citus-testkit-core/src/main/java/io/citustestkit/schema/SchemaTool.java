package io.citustestkit.schema;

import io.citustestkit.commons.CitusTestkitException;

import java.util.List;
import java.util.function.Predicate;

/**
 * The migration tools a schema source may name, which citus-testkit-core depends on optionally: the
 * location prefix, the classes that must be on the class path, and the artifacts that bring them.
 *
 * <pre>{@code
 * SchemaTool.FLYWAY.requireOnClassPath("flyway:classpath:db/migration");
 * }</pre>
 */
enum SchemaTool {

    FLYWAY("Flyway", "flyway:", List.of(
            new Artifact("org.flywaydb", "flyway-core", SchemaTool.FLYWAY_VERSION, "org.flywaydb.core.Flyway"),
            new Artifact("org.flywaydb", "flyway-database-postgresql", SchemaTool.FLYWAY_VERSION,
                    "org.flywaydb.database.postgresql.PostgreSQLDatabaseType"))),
    LIQUIBASE("Liquibase", "liquibase:", List.of(
            new Artifact("org.liquibase", "liquibase-core", SchemaTool.LIQUIBASE_VERSION, "liquibase.command.CommandScope")));

    /** The Flyway version citus-testkit is built and tested with ({@code flyway.version} in the parent pom). */
    static final String FLYWAY_VERSION = "13.12.2";
    /** The Liquibase version citus-testkit is built and tested with ({@code liquibase.version} in the parent pom). */
    static final String LIQUIBASE_VERSION = "4.33.0";

    private final String displayName;
    private final String prefix;
    private final List<Artifact> artifacts;

    SchemaTool(String displayName, String prefix, List<Artifact> artifacts) {
        this.displayName = displayName;
        this.prefix = prefix;
        this.artifacts = artifacts;
    }

    String displayName() {
        return displayName;
    }

    /** {@return the location prefix that names this tool, e.g. {@code flyway:}} */
    String prefix() {
        return prefix;
    }

    List<Artifact> artifacts() {
        return artifacts;
    }

    /** Fails with {@link #missingMessage} unless every class the tool needs can be loaded. */
    void requireOnClassPath(String location) {
        List<Artifact> missing = artifacts.stream().filter(artifact -> !loadable(artifact.probeClass())).toList();
        if (!missing.isEmpty()) {
            throw new CitusTestkitException(missingMessage(location, missing));
        }
    }

    /** The message for {@code location} when the artifacts whose probe class fails {@code present} are missing. */
    String missingMessage(String location, Predicate<String> present) {
        return missingMessage(location, artifacts.stream().filter(artifact -> !present.test(artifact.probeClass())).toList());
    }

    private String missingMessage(String location, List<Artifact> missing) {
        StringBuilder message = new StringBuilder("Schema '").append(location).append("' needs ").append(displayName)
                .append(", which is not on the class path (citus-testkit-core depends on it optionally). Add ")
                .append(missing.size() == 1 ? "this dependency" : "these dependencies")
                .append(" to your test class path (Maven scope test, Gradle testImplementation):");
        for (Artifact artifact : missing) {
            message.append("\n  ").append(artifact.coordinates()).append("  (provides ").append(artifact.probeClass()).append(')');
        }
        message.append("\nor use a SQL script ('classpath:schema.sql') instead.");
        return message.toString();
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, SchemaTool.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A Maven artifact and a class that proves it is on the class path. */
    record Artifact(String groupId, String artifactId, String version, String probeClass) {

        String coordinates() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }
}

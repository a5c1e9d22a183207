package io.citustestkit.schema;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaToolTest {

    @Test
    void should_name_both_flyway_artifacts_with_versions_when_flyway_is_missing() {
        String message = SchemaTool.FLYWAY.missingMessage("flyway:classpath:db/migration", className -> false);

        assertThat(message).isEqualTo("""
                Schema 'flyway:classpath:db/migration' needs Flyway, which is not on the class path (citus-testkit-core depends \
                on it optionally). Add these dependencies to your test class path (Maven scope test, Gradle testImplementation):
                  org.flywaydb:flyway-core:13.12.2  (provides org.flywaydb.core.Flyway)
                  org.flywaydb:flyway-database-postgresql:13.12.2  (provides org.flywaydb.database.postgresql.PostgreSQLDatabaseType)
                or use a SQL script ('classpath:schema.sql') instead.""");
    }

    @Test
    void should_name_only_the_postgresql_module_when_flyway_core_is_there() {
        String message = SchemaTool.FLYWAY.missingMessage("flyway:db/migration", className -> className.startsWith("org.flywaydb.core"));

        assertThat(message).contains("Add this dependency").contains("org.flywaydb:flyway-database-postgresql:13.12.2")
                .doesNotContain("org.flywaydb:flyway-core:");
    }

    @Test
    void should_name_liquibase_core_when_liquibase_is_missing() {
        String message = SchemaTool.LIQUIBASE.missingMessage("liquibase:classpath:db/changelog/master.yaml", className -> false);

        assertThat(message).startsWith("Schema 'liquibase:classpath:db/changelog/master.yaml' needs Liquibase, which is not on the class path")
                .contains("\n  org.liquibase:liquibase-core:4.33.0  (provides liquibase.command.CommandScope)\n");
    }

    @Test
    void should_find_the_probe_classes_on_the_test_class_path() {
        SchemaTool.FLYWAY.requireOnClassPath("flyway:db/migration");
        SchemaTool.LIQUIBASE.requireOnClassPath("liquibase:master.yaml");
    }

    @Test
    void should_name_the_versions_of_the_parent_pom() throws Exception {
        String parentPom = Files.readString(Path.of("..", "pom.xml"));

        assertThat(parentPom).as("the versions the missing-dependency messages recommend")
                .contains("<flyway.version>" + SchemaTool.FLYWAY_VERSION + "</flyway.version>")
                .contains("<liquibase.version>" + SchemaTool.LIQUIBASE_VERSION + "</liquibase.version>");
    }
}

package io.citustestkit.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiquibaseChangelogTest {

    private static final String MASTER = """
            databaseChangeLog:
              - include:
                  file: changes/001.sql
                  relativeToChangelogFile: true
            """;

    @Test
    void should_choose_liquibase_by_prefix_and_parse_a_class_path_changelog() {
        SchemaSource source = SchemaSource.of("liquibase:classpath:db/liquibase-it/master.yaml");

        assertThat(source).isInstanceOf(LiquibaseChangelog.class);
        assertThat(source.location()).isEqualTo("liquibase:classpath:db/liquibase-it/master.yaml");
        assertThat(source.fingerprint()).matches("[0-9a-f]{64}")
                .isEqualTo(SchemaSource.of("liquibase:classpath:db/liquibase-it/master.yaml").fingerprint());
    }

    @Test
    void should_change_the_fingerprint_when_an_included_file_changes_and_keep_it_otherwise(@TempDir Path dir) throws Exception {
        Path master = Files.writeString(dir.resolve("master.yaml"), MASTER);
        Files.createDirectories(dir.resolve("changes"));
        Files.writeString(dir.resolve("changes/001.sql"), """
                --liquibase formatted sql
                --changeset kit:1
                CREATE TABLE a (id int);
                """);
        String before = SchemaSource.of("liquibase:" + master).fingerprint();

        assertThat(SchemaSource.of("liquibase:file:" + master).fingerprint()).as("same content, read again").isEqualTo(before);

        Files.writeString(dir.resolve("changes/001.sql"), """
                --liquibase formatted sql
                --changeset kit:1
                CREATE TABLE a (id bigint);
                """);
        assertThat(SchemaSource.of("liquibase:" + master).fingerprint()).as("the included change set changed").isNotEqualTo(before);
    }

    @Test
    void should_change_the_fingerprint_when_the_master_changelog_changes(@TempDir Path dir) throws Exception {
        Path master = Files.writeString(dir.resolve("master.yaml"), MASTER);
        Files.createDirectories(dir.resolve("changes"));
        Files.writeString(dir.resolve("changes/001.sql"), "--liquibase formatted sql\n--changeset kit:1\nCREATE TABLE a (id int);\n");
        String before = SchemaSource.of("liquibase:" + master).fingerprint();

        Files.writeString(master, MASTER + "# a comment\n");

        assertThat(SchemaSource.of("liquibase:" + master).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void should_name_a_missing_class_path_changelog_and_where_to_put_it() {
        assertThatThrownBy(() -> SchemaSource.of("liquibase:classpath:db/nowhere/master.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Liquibase changelog 'classpath:db/nowhere/master.yaml' of schema 'liquibase:classpath:db/nowhere/master.yaml' "
                        + "was not found on the class path. Put it under src/test/resources/db/nowhere/master.yaml (or src/main/resources), "
                        + "or give a file path.");
    }

    @Test
    void should_name_a_missing_file_with_its_absolute_path(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> SchemaSource.of("liquibase:" + missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist (resolved to " + missing.toAbsolutePath() + ")");
    }

    @Test
    void should_report_a_broken_include_before_anything_starts(@TempDir Path dir) throws Exception {
        Path master = Files.writeString(dir.resolve("master.yaml"), MASTER);

        assertThatThrownBy(() -> SchemaSource.of("liquibase:" + master))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Liquibase cannot read the changelog of schema 'liquibase:" + master + "': ")
                .hasMessageContaining("001.sql");
    }

    @Test
    void should_change_the_fingerprint_with_liquibase_settings_such_as_contexts_and_labels(@TempDir Path dir) throws Exception {
        Path master = Files.writeString(dir.resolve("master.yaml"), MASTER);
        Files.createDirectories(dir.resolve("changes"));
        Files.writeString(dir.resolve("changes/001.sql"), """
                --liquibase formatted sql
                --changeset kit:1 context:test labels:tenants
                CREATE TABLE a (id int);
                --changeset kit:2 context:prod
                CREATE TABLE b (id int);
                """);
        String none = SchemaSource.of("liquibase:" + master).fingerprint();
        try {
            System.setProperty("liquibase.command.contextFilter", "test");
            String test = SchemaSource.of("liquibase:" + master).fingerprint();
            System.setProperty("liquibase.command.contextFilter", "prod");
            String prod = SchemaSource.of("liquibase:" + master).fingerprint();
            System.clearProperty("liquibase.command.contextFilter");
            System.setProperty("liquibase.command.labelFilter", "tenants");
            String labelled = SchemaSource.of("liquibase:" + master).fingerprint();

            assertThat(java.util.List.of(none, test, prod, labelled)).as("no filter, context test, context prod, label tenants")
                    .doesNotHaveDuplicates();
        } finally {
            System.clearProperty("liquibase.command.contextFilter");
            System.clearProperty("liquibase.command.labelFilter");
        }
        assertThat(SchemaSource.of("liquibase:" + master).fingerprint()).as("the settings gone again").isEqualTo(none);
    }

    @Test
    void should_change_the_fingerprint_with_the_value_of_a_changelog_parameter_it_refers_to_and_no_other(@TempDir Path dir)
            throws Exception {
        Path master = Files.writeString(dir.resolve("master.yaml"), MASTER);
        Files.createDirectories(dir.resolve("changes"));
        Files.writeString(dir.resolve("changes/001.sql"), """
                --liquibase formatted sql
                --changeset kit:1
                CREATE TABLE ${kit_test_table} (id int);
                """);
        try {
            System.setProperty("kit_test_table", "accounts");
            String accounts = SchemaSource.of("liquibase:" + master).fingerprint();
            System.setProperty("kit_test_unrelated", "anything");
            assertThat(SchemaSource.of("liquibase:" + master).fingerprint()).as("a property the changelog does not use")
                    .isEqualTo(accounts);
            System.setProperty("kit_test_table", "tenants");
            assertThat(SchemaSource.of("liquibase:" + master).fingerprint()).as("the parameter's value changed")
                    .isNotEqualTo(accounts);
        } finally {
            System.clearProperty("kit_test_table");
            System.clearProperty("kit_test_unrelated");
        }
    }
}

package io.citustestkit.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaLocationTest {

    @Test
    void should_read_a_classpath_resource() {
        SchemaLocation schema = SchemaLocation.of("classpath:schema/two-statements.sql");

        assertThat(schema.location()).isEqualTo("classpath:schema/two-statements.sql");
        assertThat(schema.statements()).hasSize(2);
    }

    @Test
    void should_read_a_file_path_with_or_without_the_file_prefix(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.sql"), "SELECT 1; SELECT 2;");

        assertThat(SchemaLocation.of(file.toString()).statements()).hasSize(2);
        assertThat(SchemaLocation.of("file:" + file).statements()).hasSize(2);
    }

    @Test
    void should_name_a_missing_classpath_resource_and_say_where_to_put_it() {
        assertThatThrownBy(() -> SchemaLocation.of("classpath:missing/schema.sql"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Schema resource 'classpath:missing/schema.sql' was not found on the class path. "
                        + "Put it under src/test/resources/missing/schema.sql (or src/main/resources), or give a file path.");
    }

    @Test
    void should_name_a_missing_file_with_its_absolute_path(@TempDir Path dir) {
        Path missing = dir.resolve("nope.sql");

        assertThatThrownBy(() -> SchemaLocation.of(missing.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Schema file '" + missing + "' does not exist (resolved to " + missing.toAbsolutePath() + ")");
    }

    @Test
    void should_reject_a_blank_location() {
        assertThatThrownBy(() -> SchemaLocation.of(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("A schema location must not be blank");
    }

    @Test
    void should_name_the_script_when_it_cannot_be_split(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.sql"), "SELECT 'unclosed;");

        assertThatThrownBy(() -> SchemaLocation.of(file.toString()))
                .hasMessageStartingWith("Schema '" + file + "' cannot be split into statements: Unterminated string literal");
    }
}

package io.citustestkit.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlywayMigrationsTest {

    @Test
    void should_choose_flyway_by_prefix_and_keep_the_locations_in_order() {
        SchemaSource source = SchemaSource.of(" flyway:classpath:db/flyway-it/main, classpath:db/flyway-it/more ");

        assertThat(source).isInstanceOf(FlywayMigrations.class);
        assertThat(source.location()).isEqualTo("flyway:classpath:db/flyway-it/main, classpath:db/flyway-it/more");
        assertThat(((FlywayMigrations) source).locations()).containsExactly("classpath:db/flyway-it/main", "classpath:db/flyway-it/more");
    }

    @Test
    void should_read_a_location_without_prefix_from_the_class_path_as_flyway_does() {
        assertThat(SchemaSource.of("flyway:db/flyway-it/main").fingerprint())
                .isEqualTo(SchemaSource.of("flyway:db/flyway-it/main").fingerprint())
                .isNotEqualTo(SchemaSource.of("flyway:classpath:db/flyway-it/more").fingerprint());
    }

    @Test
    void should_keep_the_fingerprint_while_the_content_stays_and_change_it_with_any_migration(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/V2__b.sql"), "CREATE TABLE b (id int);");
        String location = "flyway:filesystem:" + dir;
        String before = SchemaSource.of(location).fingerprint();

        assertThat(SchemaSource.of(location).fingerprint()).as("same content, read again").isEqualTo(before);
        assertThat(before).matches("[0-9a-f]{64}");

        Files.writeString(dir.resolve("sub/V2__b.sql"), "CREATE TABLE b (id bigint);");
        String changedContent = SchemaSource.of(location).fingerprint();
        assertThat(changedContent).as("a migration in a subdirectory changed").isNotEqualTo(before);

        Files.move(dir.resolve("V1__a.sql"), dir.resolve("V3__a.sql"));
        assertThat(SchemaSource.of(location).fingerprint()).as("a migration's version changed").isNotEqualTo(changedContent);
    }

    @Test
    void should_differ_from_a_sql_script_with_the_same_text(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);");

        assertThat(SchemaSource.of("flyway:filesystem:" + dir).fingerprint()).isNotEqualTo(SchemaSource.of(script.toString()).fingerprint());
    }

    @Test
    void should_name_a_missing_class_path_location_and_where_to_put_it() {
        assertThatThrownBy(() -> SchemaSource.of("flyway:classpath:db/flyway-it/main,classpath:db/nowhere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Flyway location 'classpath:db/nowhere' of schema 'flyway:classpath:db/flyway-it/main,classpath:db/nowhere' "
                        + "was not found on the class path. Put the migrations under src/test/resources/db/nowhere (or src/main/resources), "
                        + "or use 'filesystem:path/to/migrations'.");
    }

    @Test
    void should_name_a_missing_directory_with_its_absolute_path(@TempDir Path dir) {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> SchemaSource.of("flyway:filesystem:" + missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Flyway location 'filesystem:" + missing + "' of schema 'flyway:filesystem:" + missing
                        + "' is not a directory (resolved to " + missing.toAbsolutePath() + ")");
    }

    @Test
    void should_reject_an_empty_location_list_entry_an_unsupported_prefix_and_an_empty_directory(@TempDir Path dir) {
        assertThatThrownBy(() -> SchemaSource.of("flyway:classpath:db/flyway-it/main,"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names an empty Flyway location");
        assertThatThrownBy(() -> SchemaSource.of("flyway:s3:bucket/migrations"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Flyway location 's3:bucket/migrations' of schema 'flyway:s3:bucket/migrations' has an unsupported prefix");
        assertThatThrownBy(() -> SchemaSource.of("flyway:filesystem:" + dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no migration");
    }
}

package io.citustestkit;

import io.citustestkit.schema.SchemaSource;
import io.citustestkit.snapshot.SnapshotKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a snapshot is keyed by: what decides the nodes' state changes the key, what is set at each start does not. */
class SnapshotKeyTest {

    private static final String IMAGE_ID = "sha256:1111";

    @TempDir
    Path directory;

    @Test
    void should_change_with_the_schemas_content_not_its_name() throws IOException {
        Path schema = directory.resolve("schema.sql");
        Files.writeString(schema, "CREATE TABLE a (id int);");
        SnapshotKey before = settings(2, 4, false, List.of(SchemaSource.of(schema.toString())), "pw").snapshotKey(IMAGE_ID);
        Path copy = directory.resolve("copy.sql");
        Files.writeString(copy, "CREATE TABLE a (id int);");
        assertThat(settings(2, 4, false, List.of(SchemaSource.of(copy.toString())), "pw").snapshotKey(IMAGE_ID))
                .as("same content under another name").isEqualTo(before);
        Files.writeString(schema, "CREATE TABLE a (id bigint);");
        assertThat(settings(2, 4, false, List.of(SchemaSource.of(schema.toString())), "pw").snapshotKey(IMAGE_ID).value())
                .as("changed content").isNotEqualTo(before.value());
    }

    @Test
    void should_change_with_the_image_id_the_workers_the_shard_count_and_the_node_settings() {
        SnapshotKey base = settings(2, 4, false, List.of(), "pw").snapshotKey(IMAGE_ID);
        assertThat(settings(2, 4, false, List.of(), "pw").snapshotKey("sha256:2222").value()).isNotEqualTo(base.value());
        assertThat(settings(3, 4, false, List.of(), "pw").snapshotKey(IMAGE_ID).value()).isNotEqualTo(base.value());
        assertThat(settings(2, 8, false, List.of(), "pw").snapshotKey(IMAGE_ID).value()).isNotEqualTo(base.value());
        assertThat(settings(2, null, false, List.of(), "pw").snapshotKey(IMAGE_ID).value()).isNotEqualTo(base.value());
        assertThat(settings(2, 4, true, List.of(), "pw").snapshotKey(IMAGE_ID).value()).isNotEqualTo(base.value());
    }

    @Test
    void should_not_change_with_what_each_start_sets() {
        SnapshotKey base = settings(2, 4, false, List.of(), "pw").snapshotKey(IMAGE_ID);
        assertThat(settings(2, 4, false, List.of(), "another password").snapshotKey(IMAGE_ID)).isEqualTo(base);
        assertThat(base.value()).hasSize(16).matches("[0-9a-f]+");
        assertThat(base.imageOf("worker-1")).isEqualTo("localhost/citus-testkit-snapshot/" + base.value() + ":worker-1");
    }

    private static ClusterSettings settings(int workers, Integer shardCount, boolean schemaBasedSharding, List<SchemaSource> schema,
                                            String password) {
        CitusImage image = CitusImage.resolve("citusdata/citus:14.1.0");
        return new ClusterSettings(workers, image, image.name(), schema, shardCount, List.of(), Duration.ofMinutes(2), false,
                password.length(), password, true, true, schemaBasedSharding, true);
    }
}

package io.citustestkit.snapshot;

import io.citustestkit.node.InitializedImageCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manifest of a snapshot set kept on disk: what it holds, how it reads back, and what it refuses. */
class SnapshotManifestTest {

    static final String SHA = "a".repeat(64);

    @TempDir
    Path directory;

    static SnapshotManifest manifest(String key, Instant created, List<SnapshotManifest.Node> nodes) {
        return new SnapshotManifest(SnapshotManifest.FORMAT_VERSION, key, List.of("format 1", "image sha256:0123", "workers 1"),
                "set-1", created.toString(), "citusdata/citus:14.0.1", InitializedImageCache.DATA_DIRECTORY, "d".repeat(64),
                "2 nodes, 1 distributed tables, 2 shards", nodes);
    }

    static List<SnapshotManifest.Node> nodes(int workers) {
        return SnapshotImages.nodeNames(workers).stream().map(name -> new SnapshotManifest.Node(name, name + ".tar.gz", 1234, SHA)).toList();
    }

    @Test
    void should_write_readable_json_with_the_keys_inputs_nodes_sizes_checksums_time_and_format() throws IOException {
        Instant created = Instant.parse("2026-12-06T20:00:00Z");
        SnapshotManifest manifest = manifest("3f2a9c0d81b7e645", created, nodes(1));
        Path file = directory.resolve(SnapshotManifest.FILE);

        manifest.write(file);

        String json = Files.readString(file);
        assertThat(json).as("indented, readable").contains("\n")
                .contains("\"formatVersion\" : 1", "\"key\" : \"3f2a9c0d81b7e645\"", "\"image sha256:0123\"",
                        "\"created\" : \"2026-12-06T20:00:00Z\"", "\"name\" : \"worker-1\"", "\"archive\" : \"worker-1.tar.gz\"",
                        "\"bytes\" : 1234", "\"sha256\" : \"" + SHA + "\"", "\"image\" : \"citusdata/citus:14.0.1\"");
        SnapshotManifest read = SnapshotManifest.read(file);
        assertThat(read).isEqualTo(manifest);
        assertThat(read.createdAt()).isEqualTo(created);
        assertThat(read.archiveBytes()).isEqualTo(2468);
        assertThat(read.node("worker-1").archive()).isEqualTo("worker-1.tar.gz");
    }

    @Test
    void should_ignore_fields_a_later_version_adds() throws IOException {
        Path file = directory.resolve(SnapshotManifest.FILE);
        Files.writeString(file, manifest("3f2a9c0d81b7e645", Instant.now(), nodes(1)).toJson().replaceFirst("\\{", "{ \"comment\" : \"new\",\n"));

        assertThat(SnapshotManifest.read(file).key()).isEqualTo("3f2a9c0d81b7e645");
    }

    @Test
    void should_refuse_another_format_version() throws IOException {
        Path file = directory.resolve(SnapshotManifest.FILE);
        Files.writeString(file, manifest("3f2a9c0d81b7e645", Instant.now(), nodes(1)).toJson().replace("\"formatVersion\" : 1", "\"formatVersion\" : 7"));

        assertThatThrownBy(() -> SnapshotManifest.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("format version 7, this version of the kit reads 1");
    }

    @Test
    void should_refuse_what_is_not_json_saying_which_file() throws IOException {
        Path file = directory.resolve(SnapshotManifest.FILE);
        Files.writeString(file, "{ \"key\" : ");

        assertThatThrownBy(() -> SnapshotManifest.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("manifest " + file + " is not readable JSON of a snapshot set").hasCauseInstanceOf(IOException.class);
    }

    @Test
    void should_refuse_archive_names_that_leave_the_set_and_checksums_that_are_not_sha256() {
        SnapshotManifest escaping = manifest("k", Instant.now(), List.of(new SnapshotManifest.Node("coordinator", "../../etc/passwd", 1, SHA)));
        SnapshotManifest shortSum = manifest("k", Instant.now(), List.of(new SnapshotManifest.Node("coordinator", "coordinator.tar.gz", 1, "abc")));
        SnapshotManifest noCoordinator = manifest("k", Instant.now(), List.of(new SnapshotManifest.Node("worker-1", "worker-1.tar.gz", 1, SHA)));
        SnapshotManifest empty = manifest("k", Instant.now(), List.of(new SnapshotManifest.Node("coordinator", "coordinator.tar.gz", 0, SHA)));

        assertThat(escaping.problem()).isEqualTo("node coordinator: archive '../../etc/passwd' is not a file name such as worker-1.tar.gz");
        assertThat(shortSum.problem()).isEqualTo("node coordinator: sha256 'abc' is not 64 hexadecimal characters");
        assertThat(noCoordinator.problem()).isEqualTo("the nodes must start with the coordinator, found [worker-1]");
        assertThat(empty.problem()).isEqualTo("node coordinator: size 0 is not positive");
        assertThat(manifest("k", Instant.now(), nodes(2)).problem()).isNull();
    }
}

package io.citustestkit.snapshot;

import io.citustestkit.testsupport.DataDirectoryArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's archive: its checksum, and what a damaged one is told apart by (the copy into a container: {@code NodeContainerUnpackIT}). */
class SnapshotArchiveTest {

    @TempDir
    Path directory;

    @Test
    void should_tell_a_matching_archive_from_a_flipped_byte_another_size_and_a_missing_file() throws IOException {
        Path archive = DataDirectoryArchives.withPgVersion(directory.resolve("coordinator.tar.gz"));
        SnapshotManifest.Node node = new SnapshotManifest.Node("coordinator", "coordinator.tar.gz", Files.size(archive),
                SnapshotArchive.sha256Of(archive));
        assertThat(SnapshotArchive.mismatch(archive, node)).isNull();

        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(archive, bytes);
        assertThat(SnapshotArchive.mismatch(archive, node)).startsWith("archive " + archive + " has SHA-256 ")
                .endsWith(", the manifest says " + node.sha256());

        Files.write(archive, new byte[10]);
        assertThat(SnapshotArchive.mismatch(archive, node)).isEqualTo("archive " + archive + " has 10 bytes, the manifest says " + node.bytes());

        Files.delete(archive);
        assertThat(SnapshotArchive.mismatch(archive, node)).isEqualTo("archive " + archive + " is missing");
    }
}

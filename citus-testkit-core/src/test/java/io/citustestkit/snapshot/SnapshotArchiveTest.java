package io.citustestkit.snapshot;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's archive: its checksum, what a damaged one is told apart by, and the copy back into a container keeping owners and modes. */
class SnapshotArchiveTest {

    @TempDir
    Path directory;

    /** A tar.gz shaped like Docker's archive of /citus-testkit/pgdata: entries under pgdata/, owned by postgres (999). */
    static Path dataDirectoryArchive(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file)); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry root = new TarArchiveEntry("pgdata/");
            root.setMode(040700);
            root.setIds(999, 999);
            tar.putArchiveEntry(root);
            tar.closeArchiveEntry();
            byte[] version = "18\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry pgVersion = new TarArchiveEntry("pgdata/PG_VERSION");
            pgVersion.setMode(0100600);
            pgVersion.setIds(999, 999);
            pgVersion.setSize(version.length);
            tar.putArchiveEntry(pgVersion);
            tar.write(version);
            tar.closeArchiveEntry();
        }
        return file;
    }

    @Test
    void should_tell_a_matching_archive_from_a_flipped_byte_another_size_and_a_missing_file() throws IOException {
        Path archive = dataDirectoryArchive(directory.resolve("coordinator.tar.gz"));
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

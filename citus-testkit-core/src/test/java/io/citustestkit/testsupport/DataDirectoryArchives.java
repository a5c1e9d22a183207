package io.citustestkit.testsupport;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Small archives shaped like the kit's archive of a node's data directory (Docker's archive of
 * {@code /citus-testkit/pgdata}), for tests of what reads, checks and unpacks them.
 *
 * <pre>{@code
 * Path archive = DataDirectoryArchives.withPgVersion(directory.resolve("coordinator.tar.gz")); // pgdata/PG_VERSION: "18\n"
 * }</pre>
 */
public final class DataDirectoryArchives {

    private DataDirectoryArchives() {
    }

    /**
     * Writes a tar.gz to {@code file} with {@code pgdata/} (mode 700) and {@code pgdata/PG_VERSION} (mode 600,
     * "18\n"), both owned by postgres (999:999).
     *
     * @return {@code file}
     */
    public static Path withPgVersion(Path file) throws IOException {
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
}

package io.citustestkit.snapshot;

import org.apiguardian.api.API;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The password a snapshot's nodes were made with, kept beside its lock file, readable by this user
 * only, never in the images (their labels and environment are visible to anyone with Docker access).
 * With it, a node started from the snapshot gets the new cluster's password over JDBC at once;
 * without it (the file is gone, the snapshot was made elsewhere) the kit sets it through the
 * container's local socket instead, which takes longer.
 *
 * <pre>{@code
 * SnapshotSecrets.store(key, settings.password());
 * Optional<String> password = SnapshotSecrets.read(key.value());
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SnapshotSecrets {

    private SnapshotSecrets() {
    }

    /** Stores {@code password} for {@code key}'s snapshot (replacing an older one atomically). */
    public static void store(SnapshotKey key, String password) throws IOException {
        Files.createDirectories(SnapshotLock.directory());
        Path temporary = Files.createTempFile(SnapshotLock.directory(), key.value(), ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, password, StandardCharsets.UTF_8);
            Files.move(temporary, file(key.value()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The password of {@code key}'s snapshot, if this machine made it. */
    public static Optional<String> read(String key) {
        try {
            return Optional.of(Files.readString(file(key), StandardCharsets.UTF_8)).filter(value -> !value.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Forgets the password of {@code key}'s snapshot. */
    public static void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            // a stale secret only means a failed first attempt and the slower way
        }
    }

    private static Path file(String key) {
        return SnapshotLock.directory().resolve(key + ".secret");
    }
}

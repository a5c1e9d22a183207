package io.citustestkit.snapshot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The file work under a {@link SnapshotDirectory}: the temporary and trash directories beside the sets
 * (a set is written into one and renamed into place, and renamed into the other before it is deleted,
 * so that a reader sees a whole set or none), renames, deletes and sizes of whole trees.
 *
 * <pre>{@code
 * Path temporary = SnapshotDirectoryTrees.temporary(root, key); // <root>/.tmp-<key>-1a2b3c4d
 * SnapshotDirectoryTrees.move(temporary, root.resolve(key));
 * SnapshotDirectoryTrees.deleteTree(temporary); // nothing left: a no-op
 * }</pre>
 */
final class SnapshotDirectoryTrees {

    private static final String TEMPORARY = ".tmp-";
    private static final String TRASH = ".trash-";

    /** The snapshot directory's log category, whichever of its classes writes the line. */
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDirectory.class);

    private SnapshotDirectoryTrees() {
    }

    /** {@return a new name in {@code root} for a temporary copy of {@code name}, written there and then renamed into place} */
    static Path temporary(Path root, String name) {
        return root.resolve(TEMPORARY + name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** {@return a new name in {@code root} that {@code name} is renamed to before it is deleted} */
    static Path trash(Path root, String name) {
        return root.resolve(TRASH + name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** {@return whether {@code name} is a temporary or trash directory (a JVM that died may have left it)} */
    static boolean isTemporaryOrTrash(String name) {
        return name.startsWith(TEMPORARY) || name.startsWith(TRASH);
    }

    /** Renames {@code from} to {@code to}, atomically where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes {@code directory} and all in it, if it exists; what cannot be deleted is logged at DEBUG. */
    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}: {}", path, e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not delete {}: {}", directory, e.getMessage());
        }
    }

    /** {@return the bytes of the files in {@code tree} (what does not read counts 0)} */
    static long sizeOf(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** {@return when {@code path} was last modified, or the epoch when that does not read} */
    static Instant lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}

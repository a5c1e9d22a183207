package io.citustestkit.snapshot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a {@link SnapshotDirectory} within its bounds: removes what a JVM that died left (temporary and
 * trash directories older than an hour), the sets that do not read or are older than the maximum age,
 * then the least recently used sets until the rest fits its size limit. A set another JVM holds is left
 * for a later pruning.
 *
 * <pre>{@code
 * new SnapshotDirectoryPruning(directory).prune(SnapshotSettings.maxAge());
 * }</pre>
 */
final class SnapshotDirectoryPruning {

    /** A temporary or trash directory this old was left by a JVM that died. */
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);
    /** The snapshot directory's log category, whichever of its classes writes the line. */
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDirectory.class);

    private final SnapshotDirectory directory;
    private final Path root;

    SnapshotDirectoryPruning(SnapshotDirectory directory) {
        this.directory = directory;
        this.root = directory.root();
    }

    /** Prunes the directory: leftovers, sets older than {@code maxAge} or that do not read, then beyond the size limit. */
    void prune(Duration maxAge) {
        List<Path> sets = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!Files.isDirectory(child)) {
                    continue;
                }
                if (SnapshotDirectoryTrees.isTemporaryOrTrash(name)) {
                    if (SnapshotDirectoryTrees.lastModified(child).plus(LEFTOVER_AGE).isBefore(Instant.now())) {
                        SnapshotDirectoryTrees.deleteTree(child);
                    }
                } else if (SnapshotDirectory.isSetName(name)) {
                    sets.add(child);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not prune the snapshot directory {}: {}", root, e.getMessage(), e);
            return;
        }
        Map<Path, Long> sizes = new LinkedHashMap<>();
        for (Path set : sets) {
            String key = set.getFileName().toString();
            String why;
            try {
                SnapshotManifest manifest = SnapshotManifest.read(set.resolve(SnapshotManifest.FILE));
                why = manifest.createdAt().plus(maxAge).isBefore(Instant.now())
                        ? "made " + manifest.createdAt() + ", older than the maximum age of " + SnapshotSettings.describe(maxAge)
                        : null;
            } catch (IOException e) {
                why = "it does not read: " + e.getMessage();
            }
            if (why != null) {
                if (removeIfFree(key)) {
                    LOG.info("Removed snapshot set {} from {}: {}", key, root, why);
                }
                continue;
            }
            sizes.put(set, SnapshotDirectoryTrees.sizeOf(set));
        }
        long maxSize = directory.maxSize();
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        List<Path> leastRecentlyUsedFirst = new ArrayList<>(sizes.keySet());
        leastRecentlyUsedFirst.sort(Comparator.comparing(SnapshotDirectoryTrees::lastModified));
        for (Path set : leastRecentlyUsedFirst) {
            if (total <= maxSize) {
                break;
            }
            String key = set.getFileName().toString();
            if (removeIfFree(key)) {
                total -= sizes.get(set);
                LOG.info("Removed snapshot set {} ({} MB) from {}, least recently used, to keep the directory under {} MB (-D{} or {})",
                        key, sizes.get(set) >> 20, root, maxSize >> 20, SnapshotDirectorySettings.MAX_SIZE_PROPERTY,
                        SnapshotDirectorySettings.MAX_SIZE_VARIABLE);
            }
        }
    }

    /** Removes the set of {@code key} unless another thread or JVM holds its lock (no wait); returns whether it did. */
    private boolean removeIfFree(String key) {
        try (SnapshotDirectoryLock lock = SnapshotDirectoryLock.take(root, key, false, Duration.ZERO)) {
            if (lock == null) {
                return false;
            }
            directory.remove(key);
            return true;
        } catch (IOException e) {
            LOG.warn("Could not remove snapshot set {} from {}: {}", key, root, e.getMessage(), e);
            return false;
        }
    }
}

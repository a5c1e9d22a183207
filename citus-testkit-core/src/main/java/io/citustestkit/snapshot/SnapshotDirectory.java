package io.citustestkit.snapshot;

import io.citustestkit.commons.Stopwatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Snapshot sets as files, so that a CI cache (which saves directories, not Docker images) can carry
 * them from one run to the next. Each set is a directory named by its key, holding one
 * {@link SnapshotArchive} per node and a {@link SnapshotManifest}; beside the sets, {@code keys.txt}
 * ({@link SnapshotKeysFile}) lists them (a CI cache can be keyed by its hash) and {@code .locks/} holds a
 * lock file per key.
 *
 * <pre>
 * ~/.cache/citus-testkit/snapshots/
 *   keys.txt
 *   3f2a9c0d81b7e645/manifest.json  coordinator.tar.gz  worker-1.tar.gz  worker-2.tar.gz
 *   .locks/3f2a9c0d81b7e645.lock
 * </pre>
 *
 * <ul>
 *   <li>Where: {@value SnapshotDirectorySettings#PROPERTY} or {@value SnapshotDirectorySettings#VARIABLE}
 *       ({@code off} turns it off), else {@code $XDG_CACHE_HOME/citus-testkit/snapshots}, else
 *       {@code ~/.cache/citus-testkit/snapshots} ({@link SnapshotDirectorySettings}).</li>
 *   <li>Written when a set is made (and when a start from images finds the directory without it): into
 *       a temporary directory beside the sets, renamed into place at once, so a reader sees a whole
 *       set or none; under the key's exclusive {@link SnapshotDirectoryLock}, and not at all when a
 *       checked set is already there, so two JVMs or runners write it once ({@link SnapshotSetWriter}).</li>
 *   <li>Read when no snapshot image exists: every archive's size and SHA-256 must match the manifest
 *       first; a set that does not check is removed (logged at WARN) and made again.</li>
 *   <li>Bounded: sets older than {@link SnapshotSettings#maxAge()} go, then the least recently used
 *       until the directory holds at most {@value SnapshotDirectorySettings#MAX_SIZE_PROPERTY} (default
 *       1 GiB; {@link SnapshotDirectoryPruning}).</li>
 * </ul>
 *
 * <pre>{@code
 * C cluster = SnapshotDirectory.start(key, workers, image, starts, maxAge); // null: no usable set
 * SnapshotDirectory.store(snapshot, workers, image, maxAge);                // in the background
 * }</pre>
 */
final class SnapshotDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDirectory.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{16}");
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final long maxSize;

    SnapshotDirectory(Path root, long maxSize) {
        this.root = root;
        this.maxSize = maxSize;
    }

    /**
     * What {@link #check} found.
     *
     * @param manifest the manifest of a set whose archives all check, or {@code null}
     * @param broken why the set found cannot be used, or {@code null}
     * @param expired how old a set older than the maximum age is, or {@code null}
     */
    record Check(SnapshotManifest manifest, String broken, String expired) {

        static final Check NONE = new Check(null, null, null);

        boolean none() {
            return manifest == null && broken == null && expired == null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // configuration

    /** {@return the configured directory, or {@code null} when it is off or cannot be used (logged)} */
    static SnapshotDirectory configured() {
        Path root = SnapshotDirectorySettings.location(System::getProperty, System::getenv);
        if (root == null) {
            return null;
        }
        try {
            Files.createDirectories(root);
        } catch (IOException | RuntimeException e) {
            warnOnce("The snapshot directory " + root + " cannot be used (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "): snapshots stay images only. Point -D" + SnapshotDirectorySettings.PROPERTY + " or "
                    + SnapshotDirectorySettings.VARIABLE + " at a directory this user can write, or set it to off.", e);
            return null;
        }
        return new SnapshotDirectory(root, SnapshotDirectorySettings.maxSize(System::getProperty, System::getenv));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the start flow's hooks

    /**
     * Starts the cluster from the directory's set of {@code key}, used when no snapshot image exists.
     * A set that does not check, or from which a cluster does not start whole, is removed (logged).
     *
     * @return the cluster, or {@code null} when the directory is off or holds no usable set
     */
    static <C extends SnapshotSource> C start(SnapshotKey key, int workers, String image, ClusterSnapshots.Starts<C> starts,
                                              Duration maxAge) {
        SnapshotDirectory directory = configured();
        return directory == null ? null : directory.startFrom(key, workers, image, starts, maxAge);
    }

    /**
     * Writes the set {@code snapshot} (whose images were just made) into the directory unless a
     * checked set of its key is there, in the background ({@link BackgroundWrites}); never fails the start (a failure is logged).
     */
    static void store(ClusterSnapshot snapshot, int workers, String image, Duration maxAge) {
        SnapshotDirectory directory = configured();
        if (directory != null) {
            BackgroundWrites.submit(snapshot.key(), false,
                    () -> new SnapshotSetWriter(directory).write(snapshot, workers, image, maxAge, false));
        }
    }

    /** After a start from the images: writes the set into the directory, in the background, when it has none of this key yet (quick check only). */
    static void storeIfMissing(ClusterSnapshot snapshot, int workers, String image, Duration maxAge) {
        SnapshotDirectory directory = configured();
        if (directory != null && snapshot.archives() == null
                && !Files.isRegularFile(directory.setOf(snapshot.key().value()).resolve(SnapshotManifest.FILE))) {
            BackgroundWrites.submit(snapshot.key(), false,
                    () -> new SnapshotSetWriter(directory).write(snapshot, workers, image, maxAge, true));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    Path root() {
        return root;
    }

    /** {@return the directory of the set of {@code key}} */
    Path setOf(String key) {
        return root.resolve(key);
    }

    /** {@return the most the sets may take; {@link SnapshotDirectoryPruning} removes the least recently used beyond it} */
    long maxSize() {
        return maxSize;
    }

    /** {@return whether {@code name}, a child of the directory, names a set (a key)} */
    static boolean isSetName(String name) {
        return KEY.matcher(name).matches();
    }

    <C extends SnapshotSource> C startFrom(SnapshotKey key, int workers, String image, ClusterSnapshots.Starts<C> starts,
                                           Duration maxAge) {
        String failedSet;
        String why;
        try (SnapshotDirectoryLock lock = SnapshotDirectoryLock.take(root, key.value(), true, SnapshotSettings.lockTimeout())) {
            if (lock == null) {
                warnOnce("Waited " + SnapshotSettings.describe(SnapshotSettings.lockTimeout()) + " for the lock of snapshot set "
                        + key + " in " + root + ": starting without it", null);
                return null;
            }
            long checkStarted = System.nanoTime();
            Check check = check(key.value(), workers, maxAge);
            if (check.none()) {
                return null;
            }
            if (check.manifest() == null) {
                failedSet = null;
                why = check.broken() != null ? check.broken() : check.expired();
            } else {
                SnapshotManifest manifest = check.manifest();
                LOG.debug("Snapshot set {} in {} checks ({} archives, {} MB, {} ms)", key, root, manifest.nodes().size(),
                        manifest.archiveBytes() >> 20, Stopwatch.millis(checkStarted, System.nanoTime()));
                ClusterSnapshot snapshot = new ClusterSnapshot(key, manifest.setId(),
                        new SnapshotContent(manifest.contentDigest(), manifest.contentSummary()),
                        SnapshotSecrets.read(key.value()).orElse(null), archivesOf(manifest, image));
                try {
                    C cluster = starts.from(snapshot);
                    touch(key.value());
                    LOG.info("Cluster {} started from snapshot set {} in {} (no snapshot image on this Docker engine): {} archives, {} MB",
                            cluster.id(), key, setOf(key.value()), manifest.nodes().size(), manifest.archiveBytes() >> 20);
                    // later starts on this engine start from images: made from the same archives, off the start's path
                    String imageId = SnapshotImages.imageIdOf(cluster.nodeContainers().get("coordinator"));
                    BackgroundWrites.submit(key, true, () -> SnapshotImages.createFromArchives(snapshot, imageId, workers,
                            manifest.createdAt(), maxAge));
                    return cluster;
                } catch (SnapshotUnusableException e) {
                    failedSet = manifest.setId();
                    why = "a cluster started from it did not check: " + e.getMessage();
                } catch (RuntimeException e) {
                    LOG.warn("Could not start from snapshot set {} in {} ({}): starting cold", key, root, e.getMessage(), e);
                    return null;
                }
            }
        } catch (IOException e) {
            warnOnce("The snapshot directory " + root + " cannot be locked (" + e.getMessage() + "): starting without it", e);
            return null;
        }
        removeIfStill(key.value(), workers, maxAge, failedSet, why);
        return null;
    }

    /**
     * Checks the set of {@code key}: a manifest that reads and checks, of this key and node count, not
     * older than {@code maxAge}, and every archive of the size and SHA-256 it records.
     */
    Check check(String key, int workers, Duration maxAge) {
        Path set = setOf(key);
        Path manifestFile = set.resolve(SnapshotManifest.FILE);
        if (!Files.isDirectory(set)) {
            return Check.NONE;
        }
        if (!Files.isRegularFile(manifestFile)) {
            return new Check(null, "it has no " + SnapshotManifest.FILE, null);
        }
        SnapshotManifest manifest;
        try {
            manifest = SnapshotManifest.read(manifestFile);
        } catch (IOException e) {
            return new Check(null, e.getMessage(), null);
        }
        if (!manifest.key().equals(key)) {
            return new Check(null, "its manifest is of key " + manifest.key(), null);
        }
        List<String> nodes = SnapshotImages.nodeNames(workers);
        List<String> found = manifest.nodes().stream().map(SnapshotManifest.Node::name).toList();
        if (!found.equals(nodes)) {
            return new Check(null, "it holds nodes " + found + ", the cluster has " + nodes, null);
        }
        Instant created = manifest.createdAt();
        if (created.plus(maxAge).isBefore(Instant.now())) {
            Duration age = Duration.between(created, Instant.now());
            return new Check(null, null, "made " + created + ", " + age.toHours() + " h " + age.toMinutesPart()
                    + " min ago, more than the maximum age of " + SnapshotSettings.describe(maxAge));
        }
        List<CompletableFuture<String>> mismatches = manifest.nodes().stream()
                .map(node -> CompletableFuture.supplyAsync(() -> SnapshotArchive.mismatch(set.resolve(node.archive()), node)))
                .toList();
        for (CompletableFuture<String> mismatch : mismatches) {
            String problem = mismatch.join();
            if (problem != null) {
                return new Check(null, problem, null);
            }
        }
        return new Check(manifest, null, null);
    }

    private SnapshotArchives archivesOf(SnapshotManifest manifest, String image) {
        Map<String, Path> byNode = new LinkedHashMap<>();
        for (SnapshotManifest.Node node : manifest.nodes()) {
            byNode.put(node.name(), setOf(manifest.key()).resolve(node.archive()));
        }
        return new SnapshotArchives(image, byNode);
    }

    /** Under the exclusive lock: removes the set of {@code key} if it is still the one that failed (or still does not check). */
    private void removeIfStill(String key, int workers, Duration maxAge, String failedSet, String why) {
        try (SnapshotDirectoryLock lock = SnapshotDirectoryLock.take(root, key, false, SnapshotSettings.lockTimeout())) {
            if (lock == null) {
                LOG.warn("Snapshot set {} in {} cannot be used ({}), and its lock stayed busy: left for the JVM that holds it", key, root, why);
                return;
            }
            Check again = check(key, workers, maxAge);
            if (again.manifest() != null && !again.manifest().setId().equals(failedSet)) {
                return; // replaced by another JVM while this one waited
            }
            if (again.expired() != null && again.broken() == null && failedSet == null) {
                LOG.info("Snapshot set {} in {} was {}: removing it and making it again (-D{} or {} set the maximum age)", key, root,
                        again.expired(), SnapshotSettings.MAX_AGE_PROPERTY, SnapshotSettings.MAX_AGE_VARIABLE);
            } else if (!again.none()) {
                LOG.warn("Snapshot set {} in {} cannot be used ({}): removing it; it is made again from a cold start, never used half-way",
                        key, root, why);
            }
            remove(key);
        } catch (IOException e) {
            LOG.warn("Could not remove snapshot set {} from {}: {}", key, root, e.getMessage(), e);
        }
    }

    /** Removes the set of {@code key}: renamed out of the way at once (readers see it or nothing), then deleted. Call under its exclusive lock. */
    void remove(String key) throws IOException {
        Path set = setOf(key);
        if (!Files.exists(set)) {
            return;
        }
        Path trash = SnapshotDirectoryTrees.trash(root, key);
        SnapshotDirectoryTrees.move(set, trash);
        SnapshotDirectoryTrees.deleteTree(trash);
    }

    /** Records that the set of {@code key} was used now (the size limit removes the least recently used first). */
    void touch(String key) {
        try {
            Files.setLastModifiedTime(setOf(key), FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the order of pruning suffers
        }
    }

    private static void warnOnce(String message, Throwable cause) {
        if (WARNED.add(message)) {
            LOG.warn(message, cause);
        } else {
            LOG.debug(message);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}

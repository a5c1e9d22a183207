package io.citustestkit.snapshot;

import io.citustestkit.commons.Stopwatch;
import io.citustestkit.docker.KitLabels;
import io.citustestkit.docker.JvmOwner;
import io.citustestkit.node.InitializedImageCache;

import com.github.dockerjava.api.DockerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Snapshot sets as files, so that a CI cache (which saves directories, not Docker images) can carry
 * them from one run to the next. Each set is a directory named by its key, holding one
 * {@link SnapshotArchive} per node and a {@link SnapshotManifest}; beside the sets, {@code keys.txt}
 * lists them (a CI cache can be keyed by its hash) and {@code .locks/} holds a lock file per key.
 *
 * <pre>
 * ~/.cache/citus-testkit/snapshots/
 *   keys.txt
 *   3f2a9c0d81b7e645/manifest.json  coordinator.tar.gz  worker-1.tar.gz  worker-2.tar.gz
 *   .locks/3f2a9c0d81b7e645.lock
 * </pre>
 *
 * <ul>
 *   <li>Where: {@value #PROPERTY} or {@value #VARIABLE} ({@code off} turns it off), else
 *       {@code $XDG_CACHE_HOME/citus-testkit/snapshots}, else {@code ~/.cache/citus-testkit/snapshots}.</li>
 *   <li>Written when a set is made (and when a start from images finds the directory without it): into
 *       a temporary directory beside the sets, renamed into place at once, so a reader sees a whole
 *       set or none; under the key's exclusive {@link SnapshotDirectoryLock}, and not at all when a
 *       checked set is already there, so two JVMs or runners write it once.</li>
 *   <li>Read when no snapshot image exists: every archive's size and SHA-256 must match the manifest
 *       first; a set that does not check is removed (logged at WARN) and made again.</li>
 *   <li>Bounded: sets older than {@link SnapshotSettings#maxAge()} go, then the least recently used
 *       until the directory holds at most {@value #MAX_SIZE_PROPERTY} (default 1 GiB).</li>
 * </ul>
 */
final class SnapshotDirectory {

    /** System property: the directory, or {@code off}. */
    static final String PROPERTY = "citus.testkit.snapshots.dir";
    /** Environment variable: the same, after the property. */
    static final String VARIABLE = "CITUS_TESTKIT_SNAPSHOTS_DIR";
    /** System property: the most the directory's sets may take, e.g. {@code 1g}, {@code 512m}. */
    static final String MAX_SIZE_PROPERTY = "citus.testkit.snapshots.dir.max-size";
    /** Environment variable: the same, after the property. */
    static final String MAX_SIZE_VARIABLE = "CITUS_TESTKIT_SNAPSHOTS_DIR_MAX_SIZE";
    static final long DEFAULT_MAX_SIZE = 1L << 30;
    /** The file that lists the sets, for a CI cache key. */
    static final String KEYS_FILE = "keys.txt";

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDirectory.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?");
    private static final String TEMPORARY = ".tmp-";
    private static final String TRASH = ".trash-";
    /** A temporary or trash directory this old was left by a JVM that died. */
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger WRITES = new AtomicInteger();

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
        Path root = location(System::getProperty, System::getenv);
        if (root == null) {
            return null;
        }
        try {
            Files.createDirectories(root);
        } catch (IOException | RuntimeException e) {
            warnOnce("The snapshot directory " + root + " cannot be used (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "): snapshots stay images only. Point -D" + PROPERTY + " or " + VARIABLE + " at a directory this user "
                    + "can write, or set it to off.", e);
            return null;
        }
        return new SnapshotDirectory(root, maxSize(System::getProperty, System::getenv));
    }

    /**
     * The directory the property (else the variable) names ({@code ~/} is the user's home; {@code off},
     * {@code false} or {@code none}: {@code null}), else {@code $XDG_CACHE_HOME/citus-testkit/snapshots},
     * else {@code <user.home>/.cache/citus-testkit/snapshots}.
     */
    static Path location(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String value = properties.apply(PROPERTY);
        if (value == null || value.isBlank()) {
            value = environment.apply(VARIABLE);
        }
        String home = properties.apply("user.home");
        if (value != null && !value.isBlank()) {
            String path = value.strip();
            if (Set.of("off", "false", "none").contains(path.toLowerCase(Locale.ROOT))) {
                return null;
            }
            if (path.equals("~") || path.startsWith("~/")) {
                path = home + path.substring(1);
            }
            return Path.of(path).toAbsolutePath().normalize();
        }
        String xdg = environment.apply("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache");
        return cache.resolve("citus-testkit").resolve("snapshots").normalize();
    }

    /** The most the directory's sets may take, from the property (else the variable), else 1 GiB (a bad value: logged, default). */
    static long maxSize(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String value = properties.apply(MAX_SIZE_PROPERTY);
        String source = MAX_SIZE_PROPERTY;
        if (value == null || value.isBlank()) {
            value = environment.apply(MAX_SIZE_VARIABLE);
            source = MAX_SIZE_VARIABLE;
        }
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_SIZE;
        }
        try {
            return parseSize(value);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: {} Using the default, 1g.", source, e.getMessage());
            return DEFAULT_MAX_SIZE;
        }
    }

    /**
     * Parses a size: bytes ({@code 1073741824}) or with a unit, {@code k}, {@code m}, {@code g}, {@code t}
     * (powers of 1024; {@code 512m}, {@code 2GiB}, {@code 500MB} alike).
     *
     * @throws IllegalArgumentException if it is not one, or not positive
     */
    static long parseSize(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write bytes or a number with k, m, g or t (512m, 2g).");
        }
        try {
            long amount = Long.parseLong(matcher.group(1));
            int shift = switch (matcher.group(2)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                case "t" -> 40;
                default -> 0;
            };
            if (amount <= 0) {
                throw new IllegalArgumentException("'" + text + "' is not a positive size: give one such as 1g or 512m.");
            }
            if (amount > (Long.MAX_VALUE >> shift)) {
                throw new IllegalArgumentException("'" + text + "' is too large.");
            }
            return amount << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large.", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the start flow's hooks

    /** How many sets this JVM wrote (tests count them across JVMs). */
    static int writes() {
        return WRITES.get();
    }

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
            BackgroundWrites.submit(snapshot.key(), false, () -> directory.write(snapshot, workers, image, maxAge, false));
        }
    }

    /** After a start from the images: writes the set into the directory, in the background, when it has none of this key yet (quick check only). */
    static void storeIfMissing(ClusterSnapshot snapshot, int workers, String image, Duration maxAge) {
        SnapshotDirectory directory = configured();
        if (directory != null && snapshot.archives() == null
                && !Files.isRegularFile(directory.setOf(snapshot.key().value()).resolve(SnapshotManifest.FILE))) {
            BackgroundWrites.submit(snapshot.key(), false, () -> directory.write(snapshot, workers, image, maxAge, true));
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

    /**
     * Writes the set under its exclusive lock, unless a checked set of its key is already there (then
     * nothing is written); prunes and rewrites {@code keys.txt}. Failures are logged, never thrown.
     */
    void write(ClusterSnapshot snapshot, int workers, String image, Duration maxAge, boolean fromImages) {
        String key = snapshot.key().value();
        long started = System.nanoTime();
        try (SnapshotDirectoryLock lock = SnapshotDirectoryLock.take(root, key, false, SnapshotSettings.lockTimeout())) {
            if (lock == null) {
                LOG.warn("Waited {} for the lock of snapshot set {} in {}: not writing it this time",
                        SnapshotSettings.describe(SnapshotSettings.lockTimeout()), key, root);
                return;
            }
            Check existing = check(key, workers, maxAge);
            if (existing.manifest() != null) {
                LOG.debug("Snapshot set {} is already in {}: not written again", key, root);
                return;
            }
            if (!existing.none()) {
                LOG.warn("Snapshot set {} in {} cannot be used ({}): replacing it", key, root,
                        existing.broken() != null ? existing.broken() : existing.expired());
            }
            SnapshotManifest manifest = writeSet(snapshot, workers, image);
            WRITES.incrementAndGet();
            LOG.info("Wrote snapshot set {} to {} in {} ms{}: {} archives, {} MB (a CI cache can keep this directory: "
                            + "-D{} or {} move it, off turns it off)", key, setOf(key), Stopwatch.millis(started, System.nanoTime()),
                    fromImages ? " from its images" : "", manifest.nodes().size(), manifest.archiveBytes() >> 20, PROPERTY, VARIABLE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write snapshot set {} to {} (the images serve this machine; the next start tries again): {}",
                    key, root, e.getMessage(), e);
        }
        prune(maxAge);
        writeKeys();
    }

    /** Writes the archives and the manifest into a temporary directory beside the sets, then renames it into place. */
    private SnapshotManifest writeSet(ClusterSnapshot snapshot, int workers, String image) throws IOException {
        String key = snapshot.key().value();
        Path temporary = root.resolve(TEMPORARY + key + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(temporary);
        try {
            DockerClient docker = DockerClientFactory.instance().client();
            List<CompletableFuture<SnapshotManifest.Node>> archives = new ArrayList<>();
            for (String node : SnapshotImages.nodeNames(workers)) {
                archives.add(CompletableFuture.supplyAsync(() -> archive(docker, snapshot.key().imageOf(node), node,
                        temporary.resolve(node + ".tar.gz"))));
            }
            List<SnapshotManifest.Node> nodes;
            try {
                nodes = archives.stream().map(CompletableFuture::join).toList();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            SnapshotManifest manifest = new SnapshotManifest(SnapshotManifest.FORMAT_VERSION, key, snapshot.key().parts(),
                    snapshot.setId(), Instant.now().toString(), image, InitializedImageCache.DATA_DIRECTORY,
                    snapshot.content().digest(), snapshot.content().summary(), nodes);
            manifest.write(temporary.resolve(SnapshotManifest.FILE));
            Path set = setOf(key);
            if (Files.exists(set)) {
                remove(key);
            }
            move(temporary, set);
            return manifest;
        } finally {
            deleteTree(temporary);
        }
    }

    /** One node's archive, read from a container created (never started) from the node's snapshot image. */
    private static SnapshotManifest.Node archive(DockerClient docker, String image, String node, Path file) {
        String container = docker.createContainerCmd(image)
                .withLabels(Map.of(KitLabels.MANAGED, "true", KitLabels.ROLE, "snapshot-archive",
                        KitLabels.OWNER, JvmOwner.current().label()))
                .exec().getId();
        try {
            return SnapshotArchive.write(docker, container, node, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            docker.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    /** Removes the set of {@code key}: renamed out of the way at once (readers see it or nothing), then deleted. Call under its exclusive lock. */
    void remove(String key) throws IOException {
        Path set = setOf(key);
        if (!Files.exists(set)) {
            return;
        }
        Path trash = root.resolve(TRASH + key + "-" + UUID.randomUUID().toString().substring(0, 8));
        move(set, trash);
        deleteTree(trash);
    }

    /** Records that the set of {@code key} was used now (the size limit removes the least recently used first). */
    void touch(String key) {
        try {
            Files.setLastModifiedTime(setOf(key), FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the order of pruning suffers
        }
    }

    /**
     * Removes what a dead JVM left (temporary and trash directories older than an hour), sets that do
     * not read or are older than {@code maxAge}, then the least recently used sets until the rest fits
     * the size limit. A set another JVM holds is left for a later pruning.
     */
    void prune(Duration maxAge) {
        List<Path> sets = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!Files.isDirectory(child)) {
                    continue;
                }
                if (name.startsWith(TEMPORARY) || name.startsWith(TRASH)) {
                    if (lastModified(child).plus(LEFTOVER_AGE).isBefore(Instant.now())) {
                        deleteTree(child);
                    }
                } else if (KEY.matcher(name).matches()) {
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
            sizes.put(set, sizeOf(set));
        }
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        List<Path> leastRecentlyUsedFirst = new ArrayList<>(sizes.keySet());
        leastRecentlyUsedFirst.sort(Comparator.comparing(SnapshotDirectory::lastModified));
        for (Path set : leastRecentlyUsedFirst) {
            if (total <= maxSize) {
                break;
            }
            String key = set.getFileName().toString();
            if (removeIfFree(key)) {
                total -= sizes.get(set);
                LOG.info("Removed snapshot set {} ({} MB) from {}, least recently used, to keep the directory under {} MB (-D{} or {})",
                        key, sizes.get(set) >> 20, root, maxSize >> 20, MAX_SIZE_PROPERTY, MAX_SIZE_VARIABLE);
            }
        }
    }

    private boolean removeIfFree(String key) {
        try (SnapshotDirectoryLock lock = SnapshotDirectoryLock.take(root, key, false, Duration.ZERO)) {
            if (lock == null) {
                return false;
            }
            remove(key);
            return true;
        } catch (IOException e) {
            LOG.warn("Could not remove snapshot set {} from {}: {}", key, root, e.getMessage(), e);
            return false;
        }
    }

    /**
     * Rewrites {@code keys.txt}: one line per set in the directory (key, Citus image, content), sorted,
     * without times, so its hash changes only when the sets do.
     */
    void writeKeys() {
        List<String> lines = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (KEY.matcher(name).matches() && Files.isDirectory(child)) {
                    try {
                        SnapshotManifest manifest = SnapshotManifest.read(child.resolve(SnapshotManifest.FILE));
                        lines.add(name + " " + manifest.image() + " (" + manifest.contentSummary() + ")");
                    } catch (IOException e) {
                        // not a set (yet): not listed
                    }
                }
            }
            lines.sort(null);
            List<String> file = new ArrayList<>();
            file.add("# citus-testkit snapshot sets in this directory: key, Citus image, content. Written by the kit;");
            file.add("# a CI cache can be keyed by this file's hash (it changes only when the sets do).");
            file.addAll(lines);
            Path temporary = root.resolve(TEMPORARY + KEYS_FILE + "-" + UUID.randomUUID().toString().substring(0, 8));
            Files.write(temporary, file, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, root.resolve(KEYS_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, root.resolve(KEYS_FILE), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            LOG.warn("Could not write {} in {}: {}", KEYS_FILE, root, e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static long sizeOf(Path set) {
        try (Stream<Path> files = Files.walk(set)) {
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

    private static Instant lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

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

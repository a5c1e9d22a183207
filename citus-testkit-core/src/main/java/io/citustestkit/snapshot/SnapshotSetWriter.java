package io.citustestkit.snapshot;

import io.citustestkit.commons.Stopwatch;
import io.citustestkit.docker.JvmOwner;
import io.citustestkit.docker.KitLabels;
import io.citustestkit.node.InitializedImageCache;

import com.github.dockerjava.api.DockerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a snapshot set, whose images were just made, into a {@link SnapshotDirectory}: one
 * {@link SnapshotArchive} per node, read from a container created (never started) from the node's image,
 * and the {@link SnapshotManifest}, into a temporary directory renamed into place at once. Under the
 * key's exclusive {@link SnapshotDirectoryLock}, and not at all when a checked set of the key is already
 * there; afterwards the directory is pruned and its {@link SnapshotKeysFile} rewritten.
 *
 * <pre>{@code
 * new SnapshotSetWriter(directory).write(snapshot, workers, image, SnapshotSettings.maxAge(), false);
 * }</pre>
 */
final class SnapshotSetWriter {

    private static final AtomicInteger WRITES = new AtomicInteger();
    /** The snapshot directory's log category, whichever of its classes writes the line. */
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDirectory.class);

    private final SnapshotDirectory directory;

    SnapshotSetWriter(SnapshotDirectory directory) {
        this.directory = directory;
    }

    /** How many sets this JVM wrote (tests count them across JVMs). */
    static int writes() {
        return WRITES.get();
    }

    /**
     * Writes the set under its exclusive lock, unless a checked set of its key is already there (then
     * nothing is written); prunes and rewrites {@code keys.txt}. Failures are logged, never thrown.
     */
    void write(ClusterSnapshot snapshot, int workers, String image, Duration maxAge, boolean fromImages) {
        String key = snapshot.key().value();
        Path root = directory.root();
        long started = System.nanoTime();
        try (SnapshotDirectoryLock lock = SnapshotDirectoryLock.take(root, key, false, SnapshotSettings.lockTimeout())) {
            if (lock == null) {
                LOG.warn("Waited {} for the lock of snapshot set {} in {}: not writing it this time",
                        SnapshotSettings.describe(SnapshotSettings.lockTimeout()), key, root);
                return;
            }
            SnapshotDirectory.Check existing = directory.check(key, workers, maxAge);
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
                            + "-D{} or {} move it, off turns it off)", key, directory.setOf(key),
                    Stopwatch.millis(started, System.nanoTime()), fromImages ? " from its images" : "", manifest.nodes().size(),
                    manifest.archiveBytes() >> 20, SnapshotDirectorySettings.PROPERTY, SnapshotDirectorySettings.VARIABLE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write snapshot set {} to {} (the images serve this machine; the next start tries again): {}",
                    key, root, e.getMessage(), e);
        }
        new SnapshotDirectoryPruning(directory).prune(maxAge);
        new SnapshotKeysFile(root).write();
    }

    /** Writes the archives and the manifest into a temporary directory beside the sets, then renames it into place. */
    private SnapshotManifest writeSet(ClusterSnapshot snapshot, int workers, String image) throws IOException {
        String key = snapshot.key().value();
        Path temporary = SnapshotDirectoryTrees.temporary(directory.root(), key);
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
            Path set = directory.setOf(key);
            if (Files.exists(set)) {
                directory.remove(key);
            }
            SnapshotDirectoryTrees.move(temporary, set);
            return manifest;
        } finally {
            SnapshotDirectoryTrees.deleteTree(temporary);
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
}

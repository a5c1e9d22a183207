package io.citustestkit.snapshot;

import io.citustestkit.commons.Stopwatch;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Starts a cluster from its snapshot set when one exists for its configuration, and otherwise starts
 * it cold and makes the set for the next time. A set that does not check (a node does not start, the
 * nodes or tables differ from what it recorded) is removed and made again; a cluster never runs on a
 * half-usable snapshot. A set older than the maximum age ({@link SnapshotSettings#maxAge()}, 24 hours
 * unless configured) is removed and made again. Starting from a set holds its {@link SnapshotLock}
 * shared; making or removing one holds it exclusively, so concurrent JVMs make a set once and then
 * share it. When the lock cannot be taken (its directory cannot be used, or the bounded wait for
 * another JVM timed out) the cluster starts cold, without snapshots, with a warning. A set is also written
 * to the {@link SnapshotDirectory} (files a CI cache can keep), and when this Docker engine has no image of a
 * set, the directory's set is used.
 *
 * <pre>{@code
 * StartedCitusCluster cluster = ClusterSnapshots.start(settings.snapshotKey(imageId), settings.workers(), image, starts);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ClusterSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSnapshots.class);
    /** Reasons to start without snapshots already said at WARN in this JVM (then at DEBUG). */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private ClusterSnapshots() {
    }

    /**
     * How a cluster starts, given by the cluster's life cycle: cold (initdb, registration, schema) or
     * from a snapshot set.
     *
     * @param <C> the started cluster
     */
    public interface Starts<C extends SnapshotSource> {

        /** {@return the cluster, started cold} */
        C cold();

        /**
         * {@return the cluster, started from {@code snapshot}}
         *
         * @throws SnapshotUnusableException if it did not start from it or does not hold what it recorded (nothing is left running)
         */
        C from(ClusterSnapshot snapshot);
    }

    /**
     * Starts a cluster of a coordinator and {@code workers} workers from the set of {@code key}, or cold, making the set.
     *
     * @param image the Citus image as the user named it (a set from the snapshot directory starts from it)
     */
    public static <C extends SnapshotSource> C start(SnapshotKey key, int workers, String image, Starts<C> starts) {
        try {
            return start(key, workers, image, starts, SnapshotSettings.maxAge(), SnapshotSettings.lockTimeout());
        } catch (SnapshotLock.Unavailable e) {
            if (WARNED.add(e.getMessage())) {
                LOG.warn("Starting cluster without snapshots: {}", e.getMessage(), e.getCause());
            } else {
                LOG.debug("Starting cluster without snapshots (again): {}", e.getMessage());
            }
            return starts.cold();
        }
    }

    /**
     * Starts from the set of {@code key} when one is usable, else cold, making the set.
     *
     * @throws SnapshotLock.Unavailable before any container started, when the lock cannot be taken
     */
    private static <C extends SnapshotSource> C start(SnapshotKey key, int workers, String image, Starts<C> starts,
                                                      Duration maxAge, Duration lockTimeout) {
        String failedSet = null;
        try (SnapshotLock lock = SnapshotLock.shared(key, lockTimeout)) {
            SnapshotImages.Lookup lookup = SnapshotImages.find(key, workers, maxAge);
            if (lookup.snapshot() != null) {
                C cluster = tryStart(starts, lookup.snapshot());
                if (cluster != null) {
                    return cluster;
                }
                failedSet = lookup.snapshot().setId();
            } else if (lookup.broken() == null && lookup.expired() == null) {
                // no image of this set on this engine: the snapshot directory (a CI cache) may hold it
                C fromDirectory = SnapshotDirectory.start(key, workers, image, starts, maxAge);
                if (fromDirectory != null) {
                    return fromDirectory;
                }
            }
        }
        try (SnapshotLock lock = SnapshotLock.exclusive(key, lockTimeout)) {
            SnapshotImages.Lookup lookup = SnapshotImages.find(key, workers, maxAge);
            if (lookup.snapshot() != null && !lookup.snapshot().setId().equals(failedSet)) {
                // made by another JVM or thread while this one waited
                C cluster = tryStart(starts, lookup.snapshot());
                if (cluster != null) {
                    return cluster;
                }
                LOG.warn("Snapshot {} cannot be used (it did not check): removing it and making it again", key);
                SnapshotImages.remove(key.value());
            } else if (lookup.snapshot() != null || lookup.broken() != null) {
                LOG.warn("Snapshot {} cannot be used ({}): removing it and making it again", key,
                        lookup.broken() != null ? lookup.broken() : "it did not check");
                SnapshotImages.remove(key.value());
                if (lookup.broken() != null) {
                    // images cut short (a JVM ended while making them from the directory's archives): the directory
                    // may hold the whole set, which then makes the images again
                    C fromDirectory = SnapshotDirectory.start(key, workers, image, starts, maxAge);
                    if (fromDirectory != null) {
                        return fromDirectory;
                    }
                }
            } else if (lookup.expired() != null) {
                LOG.info("Snapshot set {} was {}: removing it and making it again (-D{} or {} set the maximum age)", key,
                        lookup.expired(), SnapshotSettings.MAX_AGE_PROPERTY, SnapshotSettings.MAX_AGE_VARIABLE);
                SnapshotImages.remove(key.value());
            }
            C cluster = starts.cold();
            make(cluster, key, workers);
            return cluster;
        } finally {
            prune();
        }
    }

    /** The cluster started from {@code snapshot} (recorded as used), or {@code null} (logged) when the snapshot does not check. */
    private static <C extends SnapshotSource> C tryStart(Starts<C> starts, ClusterSnapshot snapshot) {
        try {
            C cluster = starts.from(snapshot);
            SnapshotLock.touch(snapshot.key());
            // the directory gets the set too (quick check only), so that a CI cache carries it
            SnapshotDirectory.storeIfMissing(snapshot, cluster.nodeContainers().size() - 1, cluster.image(), SnapshotSettings.maxAge());
            return cluster;
        } catch (SnapshotUnusableException e) {
            LOG.warn("Could not start from snapshot {} ({}): {}", snapshot.key(), snapshot.content().summary(), e.getMessage(), e);
            return null;
        }
    }

    /** Makes the snapshot set from a cluster that just started cold; a failure leaves the cluster as it is, without one. */
    private static void make(SnapshotSource cluster, SnapshotKey key, int workers) {
        Stopwatch stopwatch = Stopwatch.start();
        try {
            ClusterSnapshot snapshot = SnapshotImages.create(cluster, key);
            SnapshotSecrets.store(key, cluster.password());
            SnapshotLock.touch(key);
            long bytes = SnapshotImages.diskCost(key, cluster.nodeImage());
            LOG.info("Created snapshot set {} of cluster {} in {} ms: {} images ({}), {} MB on disk beyond {}; later starts of "
                            + "this configuration start from it (snapshots(false) or -D{}=false turn this off; "
                            + "list them with: docker image ls --filter label={})",
                    key, cluster.id(), stopwatch.millis(), cluster.nodeContainers().size(),
                    snapshot.content().summary(), bytes / (1024 * 1024), cluster.nodeImage(),
                    SnapshotSettings.SNAPSHOTS_PROPERTY, SnapshotImages.LABEL);
            SnapshotDirectory.store(snapshot, workers, cluster.image(), SnapshotSettings.maxAge()); // the set as files, for a CI cache
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warn("Could not create snapshot set {} of cluster {} (the cluster runs as it is; the next start tries again): {}",
                    key, cluster.id(), e.getMessage(), e);
            SnapshotImages.remove(key.value());
        }
    }

    private static void prune() {
        try {
            SnapshotPruning.keepAtMost(SnapshotPruning.keep(), SnapshotSettings.maxAge());
        } catch (RuntimeException e) {
            LOG.warn("Could not prune old snapshot sets: {}", e.getMessage(), e);
        }
    }
}

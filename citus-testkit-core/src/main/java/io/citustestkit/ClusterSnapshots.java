package io.citustestkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts a cluster from its snapshot set when one exists for its configuration, and otherwise starts
 * it cold and makes the set for the next time. A set that does not check (a node does not start, the
 * nodes or tables differ from what it recorded) is removed and made again; a cluster never runs on a
 * half-usable snapshot. A set older than the maximum age ({@link SnapshotSettings#maxAge()}, 24 hours
 * unless configured) is removed and made again. Starting from a set holds its {@link SnapshotLock}
 * shared; making or removing one holds it exclusively, so concurrent JVMs make a set once and then
 * share it. When the lock cannot be taken (its directory cannot be used, or the bounded wait for
 * another JVM timed out) the cluster starts cold, without snapshots, with a warning.
 *
 * <pre>{@code
 * StartedCitusCluster cluster = ClusterSnapshots.start(Preflight.check(builder));
 * }</pre>
 */
final class ClusterSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSnapshots.class);
    /** Reasons to start without snapshots already said at WARN in this JVM (then at DEBUG). */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private ClusterSnapshots() {
    }

    static StartedCitusCluster start(ClusterSettings settings) {
        if (!settings.snapshots()) {
            return StartedCitusCluster.start(settings);
        }
        SnapshotKey key = SnapshotKey.of(settings,
                DockerClientFactory.instance().client().inspectImageCmd(settings.image().dockerName()).exec().getId());
        try {
            return start(settings, key, SnapshotSettings.maxAge(), SnapshotSettings.lockTimeout());
        } catch (SnapshotLock.Unavailable e) {
            if (WARNED.add(e.getMessage())) {
                LOG.warn("Starting cluster without snapshots: {}", e.getMessage(), e.getCause());
            } else {
                LOG.debug("Starting cluster without snapshots (again): {}", e.getMessage());
            }
            return StartedCitusCluster.start(settings);
        }
    }

    /**
     * Starts from the set of {@code key} when one is usable, else cold, making the set.
     *
     * @throws SnapshotLock.Unavailable before any container started, when the lock cannot be taken
     */
    private static StartedCitusCluster start(ClusterSettings settings, SnapshotKey key, Duration maxAge, Duration lockTimeout) {
        String failedSet = null;
        try (SnapshotLock lock = SnapshotLock.shared(key, lockTimeout)) {
            ClusterSnapshot.Lookup lookup = ClusterSnapshot.find(key, settings.workers(), maxAge);
            if (lookup.snapshot() != null) {
                StartedCitusCluster cluster = tryStart(settings, lookup.snapshot());
                if (cluster != null) {
                    return cluster;
                }
                failedSet = lookup.snapshot().setId();
            } else if (lookup.broken() == null && lookup.expired() == null) {
                // no image of this set on this engine: the snapshot directory (a CI cache) may hold it
                StartedCitusCluster fromDirectory = SnapshotDirectory.start(settings, key, maxAge);
                if (fromDirectory != null) {
                    return fromDirectory;
                }
            }
        }
        try (SnapshotLock lock = SnapshotLock.exclusive(key, lockTimeout)) {
            ClusterSnapshot.Lookup lookup = ClusterSnapshot.find(key, settings.workers(), maxAge);
            if (lookup.snapshot() != null && !lookup.snapshot().setId().equals(failedSet)) {
                // made by another JVM or thread while this one waited
                StartedCitusCluster cluster = tryStart(settings, lookup.snapshot());
                if (cluster != null) {
                    return cluster;
                }
                LOG.warn("Snapshot {} cannot be used (it did not check): removing it and making it again", key);
                ClusterSnapshot.remove(key.value());
            } else if (lookup.snapshot() != null || lookup.broken() != null) {
                LOG.warn("Snapshot {} cannot be used ({}): removing it and making it again", key,
                        lookup.broken() != null ? lookup.broken() : "it did not check");
                ClusterSnapshot.remove(key.value());
            } else if (lookup.expired() != null) {
                LOG.info("Snapshot set {} was {}: removing it and making it again (-D{} or {} set the maximum age)", key,
                        lookup.expired(), SnapshotSettings.MAX_AGE_PROPERTY, SnapshotSettings.MAX_AGE_VARIABLE);
                ClusterSnapshot.remove(key.value());
            }
            StartedCitusCluster cluster = StartedCitusCluster.start(settings);
            make(cluster, settings, key);
            return cluster;
        } finally {
            prune();
        }
    }

    /** The cluster started from {@code snapshot} (recorded as used), or {@code null} (logged) when the snapshot does not check. */
    private static StartedCitusCluster tryStart(ClusterSettings settings, ClusterSnapshot snapshot) {
        try {
            StartedCitusCluster cluster = StartedCitusCluster.start(settings, snapshot);
            SnapshotLock.touch(snapshot.key());
            SnapshotDirectory.storeIfMissing(snapshot, settings, SnapshotSettings.maxAge()); // hook: the directory gets the set too
            return cluster;
        } catch (ClusterStartException e) {
            LOG.warn("Could not start from snapshot {} ({}): {}", snapshot.key(), snapshot.content().summary(), e.getMessage(), e);
            return null;
        }
    }

    /** Makes the snapshot set from a cluster that just started cold; a failure leaves the cluster as it is, without one. */
    private static void make(StartedCitusCluster cluster, ClusterSettings settings, SnapshotKey key) {
        long started = System.nanoTime();
        try {
            ClusterSnapshot snapshot = ClusterSnapshot.create(cluster, key);
            SnapshotSecrets.store(key, settings.password());
            SnapshotLock.touch(key);
            long bytes = ClusterSnapshot.diskCost(key, settings.nodeImage());
            LOG.info("Created snapshot set {} of cluster {} in {} ms: {} images ({}), {} MB on disk beyond {}; later starts of "
                            + "this configuration start from it (snapshots(false) or -D{}=false turn this off; "
                            + "list them with: docker image ls --filter label={})",
                    key, cluster.id(), ClusterBoot.millis(started, System.nanoTime()), cluster.allNodes().size(),
                    snapshot.content().summary(), bytes / (1024 * 1024), settings.nodeImage(),
                    CitusTestCluster.SNAPSHOTS_PROPERTY, ClusterSnapshot.LABEL);
            SnapshotDirectory.store(snapshot, settings, SnapshotSettings.maxAge()); // hook: the set as files, for a CI cache
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warn("Could not create snapshot set {} of cluster {} (the cluster runs as it is; the next start tries again): {}",
                    key, cluster.id(), e.getMessage(), e);
            ClusterSnapshot.remove(key.value());
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

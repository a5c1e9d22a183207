/**
 * Internal: cluster snapshots, used by the cluster's life cycle: a set of local images, one per node,
 * committed right after the schema was applied ({@link io.citustestkit.snapshot.ClusterSnapshot}, kept by
 * {@link io.citustestkit.snapshot.SnapshotImages}), keyed by everything that decides the nodes' state
 * ({@link io.citustestkit.snapshot.SnapshotKey}), checked against what it recorded
 * ({@link io.citustestkit.snapshot.SnapshotContent}), shared between JVMs under a lock
 * ({@link io.citustestkit.snapshot.SnapshotLock}), pruned by age and count, with the password it was made
 * with kept on this machine only ({@link io.citustestkit.snapshot.SnapshotSecrets}).
 * {@link io.citustestkit.snapshot.ClusterSnapshots} decides: start from the set, or cold and make it. The
 * cluster is reached through {@link io.citustestkit.snapshot.SnapshotSource} and
 * {@link io.citustestkit.snapshot.ClusterSnapshots.Starts}; this package knows none of its classes.
 *
 * <pre>{@code
 * StartedCitusCluster cluster = ClusterSnapshots.start(settings.snapshotKey(imageId), settings.workers(), image, starts);
 * }</pre>
 */
package io.citustestkit.snapshot;

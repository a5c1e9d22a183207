package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;

/**
 * The benchmark's access to the extension's package-private table cleaners (same package, other
 * module: the benchmark is never published), so the reset step is measured with the very code the
 * extension runs between tests.
 *
 * <pre>{@code
 * try (CleanupTiming cleanups = new CleanupTiming(cluster)) {   // remembers the rows the schema left
 *     long nanos = cleanups.perNodeCleanup();
 *     long restoring = cleanups.perNodeRestore();
 * }
 * }</pre>
 */
public final class CleanupTiming implements AutoCloseable {

    private final CoordinatorTruncate coordinatorTruncate;
    private final PerNodeCleanup perNodeCleanup;

    /** Remembers, with both cleaners, the rows the cluster's tables hold now. */
    public CleanupTiming(CitusTestCluster cluster) {
        this.coordinatorTruncate = new CoordinatorTruncate(cluster.dataSource(), true);
        this.perNodeCleanup = new PerNodeCleanup(cluster);
        perNodeCleanup.remember("in the benchmark");
        coordinatorTruncate.remember("in the benchmark");
    }

    /** Nanoseconds of one {@code TRUNCATE ... CASCADE} through the coordinator (every table emptied). */
    public long coordinatorTruncate() {
        long started = System.nanoTime();
        coordinatorTruncate.clean(false, false, "in the benchmark");
        return System.nanoTime() - started;
    }

    /** Nanoseconds of one {@code TRUNCATE ... CASCADE} through the coordinator followed by inserting the remembered rows. */
    public long coordinatorRestore() {
        long started = System.nanoTime();
        coordinatorTruncate.clean(true, false, "in the benchmark");
        return System.nanoTime() - started;
    }

    /** Nanoseconds of one per-node cleanup that empties every table ({@link TableCleanup#TRUNCATE}). */
    public long perNodeCleanup() {
        long started = System.nanoTime();
        perNodeCleanup.clean(false, false, "in the benchmark");
        return System.nanoTime() - started;
    }

    /** Nanoseconds of one per-node cleanup that restores the remembered rows ({@link TableCleanup#RESTORE}, the default). */
    public long perNodeRestore() {
        long started = System.nanoTime();
        perNodeCleanup.clean(true, false, "in the benchmark");
        return System.nanoTime() - started;
    }

    @Override
    public void close() {
        perNodeCleanup.close();
        coordinatorTruncate.close();
    }
}

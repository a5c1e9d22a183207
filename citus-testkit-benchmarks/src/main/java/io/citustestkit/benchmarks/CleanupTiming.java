package io.citustestkit.benchmarks;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.TableCleaners;

/**
 * Times the extension's table cleaners ({@link TableCleaners}), so the reset step is measured with the
 * very code the extension runs between tests.
 *
 * <pre>{@code
 * try (CleanupTiming cleanups = new CleanupTiming(cluster)) {   // remembers the rows the schema left
 *     long nanos = cleanups.perNodeCleanup();
 *     long restoring = cleanups.perNodeRestore();
 * }
 * }</pre>
 */
public final class CleanupTiming implements AutoCloseable {

    private final TableCleaners cleaners;

    /** Remembers, with both cleaners, the rows the cluster's tables hold now. */
    public CleanupTiming(CitusTestCluster cluster) {
        this.cleaners = TableCleaners.remembering(cluster);
    }

    /** Nanoseconds of one {@code TRUNCATE ... CASCADE} through the coordinator (every table emptied). */
    public long coordinatorTruncate() {
        return nanos(() -> cleaners.coordinator(false));
    }

    /** Nanoseconds of one {@code TRUNCATE ... CASCADE} through the coordinator followed by inserting the remembered rows. */
    public long coordinatorRestore() {
        return nanos(() -> cleaners.coordinator(true));
    }

    /** Nanoseconds of one per-node cleanup that empties every table. */
    public long perNodeCleanup() {
        return nanos(() -> cleaners.perNode(false));
    }

    /** Nanoseconds of one per-node cleanup that restores the remembered rows (the default). */
    public long perNodeRestore() {
        return nanos(() -> cleaners.perNode(true));
    }

    private static long nanos(Runnable step) {
        long started = System.nanoTime();
        step.run();
        return System.nanoTime() - started;
    }

    @Override
    public void close() {
        cleaners.close();
    }
}

package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;

/**
 * The benchmark's access to the extension's package-private table cleaners (same package, other
 * module: the benchmark is never published), so the reset step is measured with the very code the
 * extension runs between tests.
 *
 * <pre>{@code
 * try (CleanupTiming cleanups = new CleanupTiming(cluster)) {
 *     long nanos = cleanups.perNodeCleanup();
 * }
 * }</pre>
 */
public final class CleanupTiming implements AutoCloseable {

    private final CoordinatorTruncate coordinatorTruncate;
    private final PerNodeCleanup perNodeCleanup;

    public CleanupTiming(CitusTestCluster cluster) {
        this.coordinatorTruncate = new CoordinatorTruncate(cluster.dataSource());
        this.perNodeCleanup = new PerNodeCleanup(cluster);
    }

    /** Nanoseconds of one {@code TRUNCATE ... CASCADE} through the coordinator. */
    public long coordinatorTruncate() {
        long started = System.nanoTime();
        coordinatorTruncate.clean(false, "in the benchmark");
        return System.nanoTime() - started;
    }

    /** Nanoseconds of one cleanup as the extension does it for the clusters it starts. */
    public long perNodeCleanup() {
        long started = System.nanoTime();
        perNodeCleanup.clean(false, "in the benchmark");
        return System.nanoTime() - started;
    }

    @Override
    public void close() {
        perNodeCleanup.close();
    }
}

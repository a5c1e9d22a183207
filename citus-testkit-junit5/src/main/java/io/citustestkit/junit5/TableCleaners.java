package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;
import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The extension's two table cleaners (through the coordinator, and per node) for the kit's benchmarks,
 * which measure the very code the extension runs between tests. Not for tests: use
 * {@link TableCleanup} on {@link CitusCluster @CitusCluster}.
 *
 * <pre>{@code
 * try (TableCleaners cleaners = TableCleaners.remembering(cluster)) { // the rows the schema left
 *     cleaners.perNode(true);      // restore them, per node
 *     cleaners.coordinator(false); // TRUNCATE ... CASCADE through the coordinator
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class TableCleaners implements AutoCloseable {

    private static final String WHERE = "in the benchmark";

    private final CoordinatorTruncate coordinatorTruncate;
    private final PerNodeCleanup perNodeCleanup;

    private TableCleaners(CitusTestCluster cluster) {
        this.coordinatorTruncate = new CoordinatorTruncate(cluster.dataSource(), true);
        this.perNodeCleanup = new PerNodeCleanup(cluster);
        perNodeCleanup.remember(WHERE);
        coordinatorTruncate.remember(WHERE);
    }

    /**
     * Both cleaners, having remembered the rows the cluster's tables hold now.
     *
     * @param cluster the cluster whose tables are cleaned
     * @return the cleaners
     */
    public static TableCleaners remembering(CitusTestCluster cluster) {
        return new TableCleaners(cluster);
    }

    /**
     * One {@code TRUNCATE ... CASCADE} through the coordinator.
     *
     * @param restore whether the remembered rows are inserted again after it
     */
    public void coordinator(boolean restore) {
        coordinatorTruncate.clean(restore, false, WHERE);
    }

    /**
     * One per-node cleanup.
     *
     * @param restore {@code false}: every table emptied ({@link TableCleanup#TRUNCATE}); {@code true}: its remembered
     *                rows restored ({@link TableCleanup#RESTORE})
     */
    public void perNode(boolean restore) {
        perNodeCleanup.clean(restore, false, WHERE);
    }

    @Override
    public void close() {
        perNodeCleanup.close();
        coordinatorTruncate.close();
    }
}

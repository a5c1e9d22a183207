package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;

import java.util.Locale;

/**
 * Starts the container cluster of a {@link ClusterSpec}, to be removed when the test run ends, with
 * the cleanup strategy the run chose, which remembers the rows the schema left right after the start
 * (before any test class can write: a cluster started from a snapshot holds the same rows).
 *
 * <pre>{@code
 * try (SharedCluster cluster = ManagedCluster.start(spec)) {
 *     cluster.testCluster().workers();
 * }
 * }</pre>
 */
final class ManagedCluster {

    /**
     * System property that chooses how the tables of clusters the extension starts are cleaned:
     * {@code per-node} (the default: every node restores or empties its own shards at once, about 7 ms
     * for ten empty tables) or {@code truncate} (one {@code TRUNCATE ... CASCADE} through the
     * coordinator, Citus's own distributed TRUNCATE, 5 to 10 times slower, then the remembered rows
     * inserted again).
     */
    static final String CLEANUP_STRATEGY_PROPERTY = "citus.testkit.cleanup-strategy";

    private ManagedCluster() {
    }

    /** Starts the cluster; see {@link CitusTestCluster.Builder#start()} for what can fail. */
    static SharedCluster start(ClusterSpec spec) {
        CitusTestCluster cluster = spec.start();
        try {
            TableCleaner cleaner = cleanerFor(cluster, System.getProperty(CLEANUP_STRATEGY_PROPERTY, "per-node"));
            try {
                cleaner.remember("after the schema was applied on " + cluster);
            } catch (RuntimeException e) {
                cleaner.close();
                throw e;
            }
            return new SharedCluster(cluster, cleaner, "cluster " + cluster.id(), cluster.toString());
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    static TableCleaner cleanerFor(CitusTestCluster cluster, String strategy) {
        return switch (strategy.strip().toLowerCase(Locale.ROOT)) {
            case "truncate" -> new CoordinatorTruncate(cluster.dataSource());
            case "per-node" -> new PerNodeCleanup(cluster);
            default -> throw new IllegalArgumentException("System property " + CLEANUP_STRATEGY_PROPERTY + " is '" + strategy
                    + "', but must be 'per-node' (the default) or 'truncate'.");
        };
    }
}

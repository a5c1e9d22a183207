package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;

import java.util.Locale;

/**
 * Starts the container cluster of a {@link ClusterSpec}, to be removed when the test run ends, with
 * the cleanup strategy the run chose.
 *
 * <pre>{@code
 * try (SharedCluster cluster = ManagedCluster.start(spec)) {
 *     cluster.testCluster().workers();
 * }
 * }</pre>
 */
final class ManagedCluster {

    /**
     * System property that chooses how the tables of clusters the extension starts are emptied:
     * {@code truncate} (the default: one {@code TRUNCATE ... CASCADE} through the coordinator) or
     * {@code per-node} (every node empties its own shards at once, bypassing Citus's distributed
     * TRUNCATE: about 5 times faster, for suites with many tests or many shards).
     */
    static final String CLEANUP_STRATEGY_PROPERTY = "citus.testkit.cleanup-strategy";

    private ManagedCluster() {
    }

    /** Starts the cluster; see {@link CitusTestCluster.Builder#start()} for what can fail. */
    static SharedCluster start(ClusterSpec spec) {
        CitusTestCluster cluster = spec.start();
        try {
            TableCleaner cleaner = cleanerFor(cluster, System.getProperty(CLEANUP_STRATEGY_PROPERTY, "truncate"));
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
                    + "', but must be 'truncate' (the default) or 'per-node'.");
        };
    }
}

package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;

import javax.sql.DataSource;

/**
 * A container cluster started for a {@link ClusterSpec}, removed when the test run ends.
 *
 * <pre>{@code
 * try (RunningCluster cluster = ManagedCluster.start(spec)) {
 *     cluster.testCluster().workers();
 * }
 * }</pre>
 */
final class ManagedCluster implements RunningCluster {

    /**
     * System property that chooses how the tables of clusters the extension starts are emptied:
     * {@code truncate} (the default: one {@code TRUNCATE ... CASCADE} through the coordinator) or
     * {@code per-node} (every node empties its own shards at once, bypassing Citus's distributed
     * TRUNCATE: about 5 times faster, for suites with many tests or many shards).
     */
    static final String CLEANUP_STRATEGY_PROPERTY = "citus.testkit.cleanup-strategy";

    private final CitusTestCluster cluster;
    private final TableCleaner cleaner;

    private ManagedCluster(CitusTestCluster cluster) {
        this.cluster = cluster;
        this.cleaner = cleanerFor(cluster, System.getProperty(CLEANUP_STRATEGY_PROPERTY, "truncate"));
    }

    static TableCleaner cleanerFor(CitusTestCluster cluster, String strategy) {
        return switch (strategy.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "truncate" -> new CoordinatorTruncate(cluster.dataSource());
            case "per-node" -> new PerNodeCleanup(cluster);
            default -> throw new IllegalArgumentException("System property " + CLEANUP_STRATEGY_PROPERTY + " is '" + strategy
                    + "', but must be 'truncate' (the default) or 'per-node'.");
        };
    }

    /** Starts the cluster; see {@link CitusTestCluster.Builder#start()} for what can fail. */
    static ManagedCluster start(ClusterSpec spec) {
        return new ManagedCluster(spec.start());
    }

    @Override
    public DataSource dataSource() {
        return cluster.dataSource();
    }

    @Override
    public CitusTestCluster testCluster() {
        return cluster;
    }

    @Override
    public TableCleaner cleaner() {
        return cleaner;
    }

    @Override
    public String databaseId() {
        return "cluster " + cluster.id();
    }

    @Override
    public String describe() {
        return cluster.toString();
    }

    @Override
    public void close() {
        cleaner.close();
        cluster.close();
    }
}

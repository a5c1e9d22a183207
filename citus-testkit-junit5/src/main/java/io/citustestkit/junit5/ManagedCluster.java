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

    private final CitusTestCluster cluster;
    private final PerNodeCleanup cleaner;

    private ManagedCluster(CitusTestCluster cluster) {
        this.cluster = cluster;
        this.cleaner = new PerNodeCleanup(cluster);
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

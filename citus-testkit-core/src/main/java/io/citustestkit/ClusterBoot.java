package io.citustestkit;

import io.citustestkit.commons.Stopwatch;
import io.citustestkit.node.ClusterRegistration;
import io.citustestkit.node.NodeSettings;
import io.citustestkit.node.NodeSetupException;
import io.citustestkit.node.NodeStarter;
import io.citustestkit.schema.SchemaMigrationException;
import io.citustestkit.schema.SchemaStatementException;
import io.citustestkit.snapshot.ClusterSnapshot;
import io.citustestkit.snapshot.SnapshotContent;
import io.citustestkit.snapshot.SnapshotUnusableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns a started cluster's containers into a Citus cluster, in order: start every node in parallel
 * (each ready by a JDBC round trip; the coordinator's pool opens as soon as the coordinator is), register the coordinator and the
 * workers, check the topology Citus reports, apply the schema. Logs how long each step took.
 */
final class ClusterBoot {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBoot.class);

    private ClusterBoot() {
    }

    /** Boots {@code cluster}; on failure the caller closes it, which removes everything. */
    static void boot(StartedCitusCluster cluster, ClusterSettings settings) {
        long started = System.nanoTime();
        startNodesOpeningPool(cluster, settings, connection -> { });
        long containersReady = System.nanoTime();
        List<String> workers = cluster.workers().stream().map(CitusNode::internalHost).toList();
        try (Connection connection = cluster.dataSource().getConnection()) {
            ClusterRegistration.register(connection, cluster.coordinator().internalHost(), workers, NodeSettings.POSTGRES_PORT);
            ClusterRegistration.verifyTopology(connection, workers);
        } catch (NodeSetupException e) {
            throw new ClusterStartException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new ClusterStartException("Could not connect to the coordinator at " + cluster.jdbcUrl()
                    + " to register the workers: " + e.getMessage(), e);
        }
        long registered = System.nanoTime();
        if (!settings.schema().isEmpty()) {
            try {
                cluster.applySchema(settings.schema());
            } catch (SchemaStatementException e) {
                throw e.withClusterDiscarded();
            } catch (SchemaMigrationException e) {
                throw e.withClusterDiscarded();
            }
        }
        long done = System.nanoTime();
        LOG.info("{} cluster {} ready in {} ms (nodes {} ms, registration {} ms, schema {} ms): coordinator + {} workers, image {}",
                cluster.citusVersion(), cluster.id(), Stopwatch.millis(started, done), Stopwatch.millis(started, containersReady),
                Stopwatch.millis(containersReady, registered), Stopwatch.millis(registered, done), workers.size(), settings.image().name());
    }

    /**
     * Boots {@code cluster} from a snapshot: every node starts with its data (no initdb, registration
     * or schema) and gets the cluster's password and its own {@code server_id}; then the topology, the
     * distributed tables and the workers' answers are checked against what the snapshot recorded.
     *
     * @throws SnapshotUnusableException if the cluster does not hold what the snapshot recorded
     */
    static void bootFromSnapshot(StartedCitusCluster cluster, ClusterSettings settings, ClusterSnapshot snapshot) {
        long started = System.nanoTime();
        List<String> workers = cluster.workers().stream().map(CitusNode::internalHost).toList();
        startNodesOpeningPool(cluster, settings, connection -> {
            try {
                ClusterRegistration.verifyTopology(connection, workers);
                SnapshotContent content = SnapshotContent.read(connection);
                if (!content.digest().equals(snapshot.content().digest())) {
                    throw new SnapshotUnusableException("its metadata (pg_dist_node, pg_dist_partition, pg_dist_shard, pg_dist_placement: "
                            + content.summary() + ", digest " + content.digest().substring(0, 12) + ") is not what the snapshot recorded ("
                            + snapshot.content().summary() + ", digest " + snapshot.content().digest().substring(0, 12) + ")");
                }
            } catch (SQLException | NodeSetupException e) {
                throw unusable(e);
            }
        });
        long containersReady = System.nanoTime();
        try (Connection connection = cluster.dataSource().getConnection()) {
            ClusterRegistration.verifyWorkersAnswer(connection);
        } catch (SQLException | ClusterStartException | NodeSetupException e) {
            throw unusable(e);
        }
        long done = System.nanoTime();
        LOG.info("{} cluster {} ready in {} ms from snapshot {} (nodes and the coordinator's metadata {} ms, workers' answer {} ms): "
                        + "coordinator + {} workers, {}",
                cluster.citusVersion(), cluster.id(), Stopwatch.millis(started, done), snapshot.key(), Stopwatch.millis(started, containersReady),
                Stopwatch.millis(containersReady, done), workers.size(), snapshot.content().summary());
    }

    /** Why a cluster from a snapshot is not the snapshot: a check failed, or the metadata could not be read. */
    private static SnapshotUnusableException unusable(Exception failure) {
        return failure instanceof SQLException
                ? new SnapshotUnusableException("its metadata could not be read: " + failure.getMessage(), failure)
                : new SnapshotUnusableException(failure.getMessage(), failure);
    }

    /** What to check on the coordinator while the workers still start. */
    @FunctionalInterface
    private interface CoordinatorCheck {
        void check(Connection coordinator) throws SQLException;
    }

    /**
     * Starts every node of {@code cluster} in parallel; as soon as the coordinator is ready, opens the pool
     * and runs {@code check} on it while the workers finish starting (each connection costs a SCRAM
     * exchange while the nodes start). Returns when every node is ready.
     *
     * @throws ClusterStartException saying, for each node that failed, why, with the last lines of its log
     */
    private static void startNodesOpeningPool(StartedCitusCluster cluster, ClusterSettings settings, CoordinatorCheck check) {
        NodeStarter.Starts starts = beginNodes(cluster.allNodes(), settings);
        try {
            if (starts.awaitStarted(cluster.coordinator().name())) {
                cluster.openPool();
                try (Connection connection = cluster.dataSource().getConnection()) {
                    check.check(connection);
                }
            }
        } catch (SQLException e) {
            starts.awaitQuietly();
            throw new ClusterStartException("Could not connect to the coordinator at " + cluster.jdbcUrl() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            starts.awaitQuietly(); // no start goes on behind the failure: the caller then removes every container
            throw e;
        }
        awaitNodes(starts);
    }

    /**
     * Starts {@code nodes} in parallel; each stores the inter-node password on the connection that finds it ready.
     *
     * @throws ClusterStartException saying, for each node that failed, why, with the last lines of its log
     */
    static void startNodes(List<CitusNode> nodes, ClusterSettings settings) {
        awaitNodes(beginNodes(nodes, settings));
    }

    private static NodeStarter.Starts beginNodes(List<CitusNode> nodes, ClusterSettings settings) {
        List<NodeStarter.Starting> starting = nodes.stream()
                .map(node -> new NodeStarter.Starting(node.name(), node.container(), node.log())).toList();
        CitusImage image = settings.image();
        return NodeStarter.begin(starting, image.name(), "Is '" + image.name() + "' (" + image.source()
                + ") a Citus image? It must run PostgreSQL with Citus preloaded, like citusdata/citus: " + CitusImage.howToOverride() + ".");
    }

    private static void awaitNodes(NodeStarter.Starts starts) {
        try {
            starts.awaitAll();
        } catch (NodeSetupException e) {
            throw new ClusterStartException(e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
    }
}

package io.citustestkit;

import io.citustestkit.node.ClusterRegistration;
import io.citustestkit.node.NodeSettings;
import io.citustestkit.node.NodeSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Changes to a running cluster's topology: a new worker started, prepared and registered with
 * {@code citus_add_node} (shards move only with {@link CitusTestCluster#rebalanceShards()}).
 */
final class TopologyChanges {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyChanges.class);

    private TopologyChanges() {
    }

    /** Adds {@code worker-<n+1>}; a worker that does not start or register is removed again. */
    static CitusNode addWorker(StartedCitusCluster cluster) {
        CitusNode node = cluster.newNode("worker-" + (cluster.workers().size() + 1), CitusNode.Role.WORKER);
        try {
            ClusterBoot.startNodes(List.of(node), cluster.settings());
            cluster.requireOpen();
            try (Connection connection = cluster.dataSource().getConnection()) {
                ClusterRegistration.addWorker(connection, node.internalHost(), NodeSettings.POSTGRES_PORT);
            }
        } catch (SQLException | RuntimeException e) {
            StartedCitusCluster.stopQuietly(node);
            if (e instanceof ClusterStartException start) {
                throw start;
            }
            if (e instanceof NodeSetupException setup) {
                throw new ClusterStartException(setup.getMessage(), setup);
            }
            throw new ClusterStartException("Could not add worker " + node.name() + " to cluster " + cluster.id() + ": "
                    + e.getMessage() + "\n  Last lines of its log:\n" + node.log().tail(), e);
        }
        cluster.workerAdded(node);
        if (cluster.isClosed()) {
            StartedCitusCluster.stopQuietly(node); // close() ran while the worker was being added
            throw new IllegalStateException("Citus cluster " + cluster.id() + " was closed while " + node.name() + " was being added.");
        }
        LOG.info("Added {} to Citus cluster {}", node, cluster.id());
        return node;
    }
}

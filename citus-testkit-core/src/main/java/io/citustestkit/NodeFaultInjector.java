package io.citustestkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.commons.KitSql;
import io.citustestkit.node.NodeNotReadyException;
import io.citustestkit.node.NodeReadiness;
import io.citustestkit.node.NodeSettings;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops, starts, pauses and restarts node containers of a running cluster, and waits until the
 * cluster is healthy again ({@code citus_check_cluster_node_health()}) after a node comes back.
 */
final class NodeFaultInjector implements CitusNode.Faults {

    private static final Logger LOG = LoggerFactory.getLogger(NodeFaultInjector.class);

    private final StartedCitusCluster cluster;
    private final Map<String, Integer> mappedPorts = new ConcurrentHashMap<>();

    NodeFaultInjector(StartedCitusCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public void stop(CitusNode node) {
        LOG.info("Fault injection: stopping {}", node);
        docker(node).stopContainerCmd(node.container().getContainerId()).withTimeout(10).exec();
        mappedPorts.remove(node.name());
    }

    @Override
    public void start(CitusNode node) {
        LOG.info("Fault injection: starting {}", node);
        docker(node).startContainerCmd(node.container().getContainerId()).exec();
        comeBack(node);
    }

    @Override
    public void pause(CitusNode node) {
        LOG.info("Fault injection: pausing {}", node);
        docker(node).pauseContainerCmd(node.container().getContainerId()).exec();
    }

    @Override
    public void unpause(CitusNode node) {
        LOG.info("Fault injection: unpausing {}", node);
        docker(node).unpauseContainerCmd(node.container().getContainerId()).exec();
        comeBack(node);
    }

    @Override
    public void restart(CitusNode node) {
        LOG.info("Fault injection: restarting {}", node);
        docker(node).restartContainerCmd(node.container().getContainerId()).withTimeout(10).exec();
        comeBack(node);
    }

    @Override
    public int mappedPort(CitusNode node) {
        return mappedPorts.computeIfAbsent(node.name(), name -> inspectMappedPort(node));
    }

    private void comeBack(CitusNode node) {
        mappedPorts.remove(node.name());
        int port = mappedPort(node);
        if (node.role() == CitusNode.Role.COORDINATOR) {
            cluster.coordinatorMoved(port);
        }
        try {
            NodeReadiness.awaitCitus(node.name(), node::jdbcUrl, cluster.password(), cluster.settings().startupTimeout(),
                    cluster.image(), CitusImage.howToOverride(), () -> null);
        } catch (NodeNotReadyException e) {
            throw new CitusTestkitException("Node " + node.name() + " of cluster " + cluster.id() + " did not come back: "
                    + e.getMessage() + ".\n  Last lines of its log:\n" + node.log().tail(), e);
        }
        awaitHealthyCluster();
    }

    private void awaitHealthyCluster() {
        Awaitility.await("all nodes of cluster " + cluster.id() + " to report healthy connections (citus_check_cluster_node_health())")
                .atMost(cluster.settings().startupTimeout())
                .pollInterval(java.time.Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(SQLException.class)
                .until(this::clusterHealthy);
    }

    private boolean clusterHealthy() throws SQLException {
        try (Connection connection = cluster.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(KitSql.marked("SELECT coalesce(bool_and(result), false) FROM citus_check_cluster_node_health()"))) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private int inspectMappedPort(CitusNode node) {
        if (node.container().getContainerId() == null) {
            return node.container().getMappedPort(NodeSettings.POSTGRES_PORT);
        }
        Ports.Binding[] bindings = docker(node).inspectContainerCmd(node.container().getContainerId()).exec()
                .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(NodeSettings.POSTGRES_PORT));
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException("Node " + node.name() + " has no host port for " + NodeSettings.POSTGRES_PORT
                    + " (is its container running?)");
        }
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    private static DockerClient docker(CitusNode node) {
        return node.container().getDockerClient();
    }
}

package io.citustestkit.node;

import io.citustestkit.commons.KitSql;
import io.citustestkit.commons.Stopwatch;
import io.citustestkit.node.NodeSettings;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The SQL that turns started nodes into a cluster: password authentication between nodes
 * ({@code pg_dist_authinfo}), the coordinator's own address ({@code citus_set_coordinator_host}),
 * each worker ({@code citus_add_node}), and a check of the resulting topology.
 *
 * <pre>{@code
 * ClusterRegistration.register(coordinatorConnection, "coordinator", List.of("worker-1", "worker-2"), 5432);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ClusterRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRegistration.class);

    /**
     * For the one transaction that stores the password: no server log line (the statement log a cluster
     * that records statements keeps in its data directory, slow-statement lines, parameters quoted with
     * an error, Citus's remote commands, auto_explain) quotes the statement or its bound password.
     * The kit's user is a superuser, as these settings need.
     */
    private static final List<String> NOTHING_LOGGED = List.of(
            "SET LOCAL log_statement = 'none'",
            "SET LOCAL log_min_duration_statement = -1",
            "SET LOCAL log_min_duration_sample = -1",
            "SET LOCAL log_transaction_sample_rate = 0",
            "SET LOCAL log_parameter_max_length = 0",
            "SET LOCAL log_parameter_max_length_on_error = 0",
            "SET LOCAL citus.log_remote_commands = off",
            "SET LOCAL auto_explain.log_min_duration = -1");

    private ClusterRegistration() {
    }

    /**
     * Stores the cluster's password for inter-node connections on one node. {@code pg_dist_authinfo}
     * is not synchronised by Citus, so every node needs it; node id 0 means "any node". A node started
     * from a snapshot has the snapshot's password there: it is replaced.
     */
    public static void storeInterNodePassword(String nodeName, String jdbcUrl, String password) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, NodeSettings.USERNAME, password)) {
            storeInterNodePassword(connection, nodeName, password);
        } catch (SQLException e) {
            throw new NodeSetupException("Could not store the inter-node password on node " + nodeName
                    + " (INSERT INTO pg_dist_authinfo): " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #storeInterNodePassword(String, String, String)}, on an open connection to the node, in a
     * transaction of its own; the connection's auto-commit is restored.
     */
    static void storeInterNodePassword(Connection connection, String nodeName, String password) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement quiet = connection.createStatement()) {
                for (String setting : NOTHING_LOGGED) {
                    quiet.execute(setting);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO pg_dist_authinfo (nodeid, rolename, authinfo) VALUES (0, current_user, ?) "
                            + "ON CONFLICT (rolename, nodeid) DO UPDATE SET authinfo = excluded.authinfo")) {
                statement.setString(1, "password=" + password);
                statement.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw new NodeSetupException("Could not store the inter-node password on node " + nodeName
                    + " (INSERT INTO pg_dist_authinfo): " + e.getMessage(), e);
        }
    }

    /**
     * Takes the inter-node password out of one node's data directory before the directory is kept in a
     * snapshot image: the row of {@link #storeInterNodePassword} is deleted, {@code pg_dist_authinfo}
     * rewritten (no dead row version left in its files), and the WAL that recorded the password removed
     * (a switch to a new segment between two checkpoints; nodes run with {@code wal_recycle = off}, so old
     * segments are deleted, not renamed). Ends with a checkpoint. {@link #storeInterNodePassword} puts the
     * password back.
     */
    public static void forgetInterNodePassword(String nodeName, String jdbcUrl, String password) {
        List<String> steps = List.of(
                "DELETE FROM pg_dist_authinfo WHERE nodeid = 0 AND rolename = current_user",
                "VACUUM FULL pg_dist_authinfo",
                "CHECKPOINT",
                "SELECT pg_switch_wal()",
                "CHECKPOINT");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, NodeSettings.USERNAME, password);
             Statement statement = connection.createStatement()) {
            for (String step : steps) {
                statement.execute(KitSql.marked(step));
            }
        } catch (SQLException e) {
            throw new NodeSetupException("Could not take the inter-node password out of node " + nodeName
                    + " before its snapshot: " + e.getMessage(), e);
        }
    }

    /** Runs one statement on one node, for set-up steps. */
    public static void run(String nodeName, String jdbcUrl, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, NodeSettings.USERNAME, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new NodeSetupException("Could not prepare node " + nodeName + " (" + sql + "): " + e.getMessage(), e);
        }
    }

    /** Registers the coordinator under its network alias and adds every worker, in order. */
    public static void register(Connection coordinator, String coordinatorHost, List<String> workerHosts, int port) {
        run(coordinator, "coordinator " + coordinatorHost, "SELECT citus_set_coordinator_host(?, ?)", coordinatorHost, port);
        if (workerHosts.isEmpty()) {
            run(coordinator, "coordinator " + coordinatorHost,
                    "SELECT citus_set_node_property(?, ?, 'shouldhaveshards', true)", coordinatorHost, port);
        }
        for (String worker : workerHosts) {
            addWorker(coordinator, worker, port);
        }
    }

    /** Adds one worker with {@code citus_add_node}. */
    public static void addWorker(Connection coordinator, String workerHost, int port) {
        long started = System.nanoTime();
        run(coordinator, "worker " + workerHost, "SELECT citus_add_node(?, ?)", workerHost, port);
        LOG.debug("citus_add_node('{}', {}) took {} ms", workerHost, port, Stopwatch.millis(started, System.nanoTime()));
    }

    /**
     * Checks that {@code citus_get_active_worker_nodes()} lists exactly {@code expectedNodes}, the
     * workers (none in a coordinator-only cluster: the coordinator is never listed there).
     *
     * @throws NodeSetupException naming the expected and the registered nodes otherwise
     */
    public static void verifyTopology(Connection coordinator, List<String> expectedNodes) {
        Set<String> registered = new TreeSet<>();
        String sql = "SELECT node_name, node_port FROM citus_get_active_worker_nodes()";
        try (Statement statement = coordinator.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                registered.add(rs.getString(1) + ":" + rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new NodeSetupException("Could not read the cluster topology (" + sql + "): " + e.getMessage(), e);
        }
        Set<String> expected = new TreeSet<>();
        for (String node : expectedNodes) {
            expected.add(node + ":" + NodeSettings.POSTGRES_PORT);
        }
        if (!expected.equals(registered)) {
            throw new NodeSetupException("The cluster's topology is not the one asked for: expected citus_get_active_worker_nodes() "
                    + "to be " + expected + " but it is " + registered + ".");
        }
    }

    /**
     * Checks that the coordinator reaches every worker with the cluster's credentials
     * ({@code run_command_on_workers('SELECT 1')}).
     *
     * @throws NodeSetupException naming the workers that did not answer, and what they said
     */
    public static void verifyWorkersAnswer(Connection coordinator) {
        String sql = KitSql.marked("SELECT nodename, result FROM run_command_on_workers('SELECT 1') WHERE NOT success");
        List<String> failures = new java.util.ArrayList<>();
        try (Statement statement = coordinator.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                failures.add(rs.getString(1) + ": " + rs.getString(2));
            }
        } catch (SQLException e) {
            throw new NodeSetupException("Could not reach the workers from the coordinator (" + sql + "): " + e.getMessage(), e);
        }
        if (!failures.isEmpty()) {
            throw new NodeSetupException("The coordinator cannot reach every worker: " + String.join("; ", failures));
        }
    }

    private static void run(Connection connection, String what, String sql, String host, int port) {
        try (PreparedStatement statement = connection.prepareStatement(KitSql.marked(sql))) {
            statement.setString(1, host);
            statement.setInt(2, port);
            statement.execute();
        } catch (SQLException e) {
            throw new NodeSetupException("Could not register " + what + " (" + sql.replaceFirst("\\?, \\?", "'" + host + "', " + port)
                    + "): " + e.getMessage(), e);
        }
    }
}

package io.citustestkit;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Testcontainers' wait strategy for a node: ready when {@link NodeReadiness} gets a JDBC round trip
 * with Citus. A node started from an image with data (the initialised-image cache, a snapshot) first
 * gets the cluster's password and a Citus {@code server_id} of its own, set through the container's
 * local socket (the image keeps only a throwaway password nobody knows).
 */
final class CitusReadyWait extends AbstractWaitStrategy {

    private final String nodeName;
    private final String image;
    private final String password;
    private final boolean setPasswordFirst;
    private volatile String knownPassword; // after the first start, the cluster's: a restarted node keeps it
    private final NodeLog log;

    CitusReadyWait(String nodeName, String image, String password, boolean setPasswordFirst, String knownPassword, NodeLog log,
                   Duration timeout) {
        this.nodeName = nodeName;
        this.image = image;
        this.password = password;
        this.setPasswordFirst = setPasswordFirst;
        this.knownPassword = knownPassword;
        this.log = log;
        withStartupTimeout(timeout);
    }

    @Override
    protected void waitUntilReady() {
        Duration timeout = startupTimeout;
        if (setPasswordFirst) {
            long started = System.nanoTime();
            if (knownPassword != null) {
                NodeReadiness.awaitCitus(nodeName, this::jdbcUrl, knownPassword, timeout, log, image, this::exited);
                adoptPassword();
            } else {
                setPassword(started + startupTimeout.toNanos());
            }
            timeout = startupTimeout.minusNanos(System.nanoTime() - started);
        }
        NodeReadiness.awaitCitus(nodeName, this::jdbcUrl, password, timeout, log, image, this::exited);
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://" + waitStrategyTarget.getHost() + ":" + waitStrategyTarget.getMappedPort(NodeSettings.POSTGRES_PORT)
                + "/" + CitusTestCluster.DATABASE;
    }

    /** Why the container stopped running, or {@code null} while it runs. */
    private String exited() {
        InspectContainerResponse.ContainerState state = waitStrategyTarget.getCurrentContainerInfo().getState();
        return Boolean.TRUE.equals(state.getRunning()) ? null : "its container exited with code " + state.getExitCodeLong();
    }

    /** ALTER ROLE and a server_id of its own over JDBC, with the password the node's data directory has. */
    private void adoptPassword() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), CitusTestCluster.USERNAME, knownPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("SET citus.enable_ddl_propagation = off");
            statement.execute("ALTER ROLE " + CitusTestCluster.USERNAME + " PASSWORD '" + ScramVerifier.of(password) + "'");
            statement.execute(InitializedImageCache.giveOwnServerIdSql());
            knownPassword = password;
        } catch (SQLException e) {
            throw new NodeNotReadyException("the server refused to set the cluster's password: " + e.getMessage(),
                    NodeNotReadyException.Reason.REFUSED, e);
        }
    }

    /**
     * ALTER ROLE over the local socket (trusted inside the container), retried until the server accepts
     * connections; not propagated to other nodes (a node from a snapshot has them in its metadata).
     */
    private void setPassword(long deadline) {
        String sql = "ALTER ROLE " + CitusTestCluster.USERNAME + " PASSWORD '" + ScramVerifier.of(password) + "'";
        Container.ExecResult last = null;
        while (System.nanoTime() < deadline) {
            String why = exited();
            if (why != null) {
                throw new NodeNotReadyException(why + " before PostgreSQL accepted connections", NodeNotReadyException.Reason.EXITED, null);
            }
            try {
                // a node from a snapshot knows the other nodes: its ALTER ROLE must stay local (they have their own password step)
                last = waitStrategyTarget.execInContainer("psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-U", CitusTestCluster.USERNAME,
                        "-d", CitusTestCluster.DATABASE, "-c", "SET citus.enable_ddl_propagation = off", "-c", sql,
                        "-c", InitializedImageCache.giveOwnServerIdSql());
                if (last.getExitCode() == 0) {
                    return;
                }
                if (last.getStderr().contains("ERROR:")) { // the server answered, and refused: waiting will not help
                    throw new NodeNotReadyException("the server refused to set the cluster's password: " + last.getStderr().strip(),
                            NodeNotReadyException.Reason.REFUSED, null);
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new NodeNotReadyException("could not set the cluster's password through psql in the container: " + e.getMessage(),
                        NodeNotReadyException.Reason.TIMED_OUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NodeNotReadyException("interrupted while waiting for the node to start", NodeNotReadyException.Reason.TIMED_OUT, e);
            }
        }
        throw new NodeNotReadyException("psql in the container did not accept ALTER ROLE within " + startupTimeout.toSeconds() + " s"
                + (last != null ? ": " + last.getStderr().strip() : ""), NodeNotReadyException.Reason.TIMED_OUT, null);
    }
}

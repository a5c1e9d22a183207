package io.citustestkit.node;

import org.testcontainers.containers.Container;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes a node started from an image with data (the initialised-image cache, a snapshot) a node of its
 * own cluster before it is waited for: the cluster's password, and a Citus {@code server_id} of its own
 * (clones share the original's, and Citus refuses {@code citus_add_node} with "Node cannot add itself
 * as a worker"). With the password the data directory has (a snapshot made on this machine) it is done
 * over JDBC; otherwise through {@code psql} on the container's local socket (trusted inside the
 * container; the image keeps only a throwaway password nobody knows). Neither is propagated to other
 * nodes: a node from a snapshot knows them, and they have their own set-up.
 *
 * <pre>{@code
 * new ClonedNodeSetup(spec, jdbcUrl, exited).run(waitStrategyTarget, System.nanoTime() + timeout.toNanos(), connection -> { });
 * }</pre>
 */
final class ClonedNodeSetup {

    private final NodeSpec spec;
    private final Supplier<String> jdbcUrl;
    private final Supplier<String> exited;
    private volatile String knownPassword; // after the first start, the cluster's: a restarted node keeps it

    /**
     * @param jdbcUrl where to connect (a supplier: a restarted node may have a new mapped port)
     * @param exited why the container is no longer running, or {@code null} while it runs
     */
    ClonedNodeSetup(NodeSpec spec, Supplier<String> jdbcUrl, Supplier<String> exited) {
        this.spec = spec;
        this.jdbcUrl = jdbcUrl;
        this.exited = exited;
        this.knownPassword = spec.knownPassword;
    }

    /** The SQL that gives a node started from a copied data directory a server_id of its own. */
    static String giveOwnServerIdSql() {
        return "UPDATE pg_dist_node_metadata SET metadata = jsonb_set(metadata, '{server_id}', to_jsonb(gen_random_uuid()::text))";
    }

    /**
     * Sets the cluster's password and a server_id of its own on the node in {@code target}.
     *
     * @param deadline {@link System#nanoTime()} by which it must be done
     * @param then what else to do on the connection that found the node ready (over JDBC only)
     * @return whether the node is also known ready (done over JDBC, on the connection that found Citus); after
     *         {@code psql} in the container it is not
     * @throws NodeNotReadyException if the server refuses, the container exits, or the deadline passes
     */
    boolean run(WaitStrategyTarget target, long deadline, Consumer<Connection> then) {
        if (knownPassword != null) {
            Consumer<Connection> adopt = this::adoptPassword;
            NodeReadiness.awaitCitus(spec.nodeName, jdbcUrl, knownPassword, Duration.ofNanos(deadline - System.nanoTime()),
                    spec.userImage, spec.howToChooseAnother, exited, adopt.andThen(then));
            return true;
        }
        setPasswordThroughPsql(target, deadline);
        return false;
    }

    /** ALTER ROLE and a server_id of its own over JDBC, on a connection made with the password the node's data directory has. */
    private void adoptPassword(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET citus.enable_ddl_propagation = off");
            statement.execute(alterRoleSql());
            statement.execute(giveOwnServerIdSql());
        } catch (SQLException e) {
            throw new NodeNotReadyException("the server refused to set the cluster's password: " + e.getMessage(),
                    NodeNotReadyException.Reason.REFUSED, e);
        }
        knownPassword = spec.password;
    }

    /** ALTER ROLE and a server_id over the local socket, retried until the server accepts connections. */
    private void setPasswordThroughPsql(WaitStrategyTarget target, long deadline) {
        Container.ExecResult last = null;
        while (System.nanoTime() < deadline) {
            String why = exited.get();
            if (why != null) {
                throw new NodeNotReadyException(why + " before PostgreSQL accepted connections", NodeNotReadyException.Reason.EXITED, null);
            }
            try {
                // a node from a snapshot knows the other nodes: its ALTER ROLE must stay local (they have their own password step)
                last = target.execInContainer("psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-U", NodeSettings.USERNAME,
                        "-d", NodeSettings.DATABASE, "-c", "SET citus.enable_ddl_propagation = off", "-c", alterRoleSql(),
                        "-c", giveOwnServerIdSql());
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
        throw new NodeNotReadyException("psql in the container did not accept ALTER ROLE within " + spec.timeout.toSeconds() + " s"
                + (last != null ? ": " + last.getStderr().strip() : ""), NodeNotReadyException.Reason.TIMED_OUT, null);
    }

    private String alterRoleSql() {
        return "ALTER ROLE " + NodeSettings.USERNAME + " PASSWORD '" + ScramVerifier.of(spec.password) + "'";
    }
}

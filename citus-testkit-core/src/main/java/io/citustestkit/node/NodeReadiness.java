package io.citustestkit.node;

import io.citustestkit.metadata.CitusNotInstalledException;
import org.apiguardian.api.API;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Waits until a node answers a real JDBC round trip on its published port and has the citus
 * extension: readiness that does not depend on what the image's entrypoint logs (the official
 * entrypoint's temporary init server listens on no TCP port, so only the real server answers).
 * Fails at once when the container exits or the server answers without Citus; keeps the log tail.
 */
@API(status = INTERNAL, since = "0.1")
public final class NodeReadiness {

    /** How often a node that refuses connections is asked whether its container still runs. */
    private static final Duration EXIT_CHECK_INTERVAL = Duration.ofMillis(250);

    private NodeReadiness() {
    }

    /**
     * Polls until a connection to {@code jdbcUrl} succeeds and finds the citus extension.
     *
     * @param jdbcUrl where to connect (a supplier: a restarted node may have a new mapped port)
     * @param image the user's Citus image, for the message of a node that has no Citus
     * @param howToChooseAnother how to choose another image, for that message
     * @param exited why the container is no longer running, or {@code null} while it runs
     * @return the citus extension's version
     * @throws NodeNotReadyException if the container exits, has no Citus, or the timeout passes
     */
    public static String awaitCitus(String nodeName, Supplier<String> jdbcUrl, String password, Duration timeout,
                                    String image, String howToChooseAnother, Supplier<String> exited) {
        return awaitCitus(nodeName, jdbcUrl, password, timeout, image, howToChooseAnother, exited, connection -> { });
    }

    /**
     * As {@link #awaitCitus(String, Supplier, String, Duration, String, String, Supplier)}, then runs {@code onReady} on
     * the connection that found Citus (one connection for both: each costs a SCRAM exchange while the nodes start).
     *
     * @param onReady what to do on the first connection that found Citus, before it is closed (it throws its own failure)
     */
    static String awaitCitus(String nodeName, Supplier<String> jdbcUrl, String password, Duration timeout,
                             String image, String howToChooseAnother, Supplier<String> exited, Consumer<Connection> onReady) {
        AtomicReference<SQLException> lastFailure = new AtomicReference<>();
        AtomicLong lastExitCheck = new AtomicLong(System.nanoTime() - EXIT_CHECK_INTERVAL.toNanos());
        AtomicReference<String> version = new AtomicReference<>();
        try {
            Awaitility.await("node " + nodeName + " to answer a JDBC round trip")
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        try (Connection connection = DriverManager.getConnection(jdbcUrl.get(), NodeSettings.USERNAME, password)) {
                            version.set(CitusNotInstalledException.requireInstalled(connection));
                            onReady.accept(connection);
                            return true;
                        } catch (CitusNotInstalledException e) {
                            throw new NodeNotReadyException("it runs image '" + image + "', which answers as PostgreSQL but has no "
                                    + "citus extension. The image must have Citus installed and preloaded "
                                    + "(shared_preload_libraries='citus') and create the extension, like citusdata/citus; "
                                    + howToChooseAnother, NodeNotReadyException.Reason.NOT_CITUS, e);
                        } catch (SQLException e) {
                            if ("28P01".equals(e.getSQLState())) { // the server runs and refuses the password: waiting will not help
                                throw new NodeNotReadyException("the server refused the password: " + e.getMessage(),
                                        NodeNotReadyException.Reason.REFUSED, e);
                            }
                            lastFailure.set(e);
                            // asking Docker whether the container still runs costs the engine more than a refused
                            // connection: at most every EXIT_CHECK_INTERVAL, while the polls go on every 50 ms
                            long now = System.nanoTime();
                            if (now - lastExitCheck.get() < EXIT_CHECK_INTERVAL.toNanos()) {
                                return false;
                            }
                            lastExitCheck.set(now);
                            String why = exited.get();
                            if (why != null) {
                                throw new NodeNotReadyException(why + " before PostgreSQL accepted connections",
                                        NodeNotReadyException.Reason.EXITED, e);
                            }
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            SQLException last = lastFailure.get();
            throw new NodeNotReadyException("it did not answer a JDBC round trip at " + jdbcUrl.get() + " within "
                    + timeout.toSeconds() + " s" + (last != null ? "; last error: " + last.getMessage() : ""),
                    NodeNotReadyException.Reason.TIMED_OUT, last != null ? last : e);
        }
        return version.get();
    }
}

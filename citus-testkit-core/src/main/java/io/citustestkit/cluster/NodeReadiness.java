package io.citustestkit.cluster;

import io.citustestkit.ClusterStartException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Waits until a node answers a real JDBC round trip ({@code SELECT citus_version()}); the log line
 * alone is not readiness. Fails at once, with a clear message, when the server answers but has no
 * Citus.
 *
 * <pre>{@code
 * String version = NodeReadiness.awaitCitus("worker-1", node::jdbcUrl, "test", "test",
 *         Duration.ofMinutes(2), log::tail, "citusdata/citus:14.1.0");
 * }</pre>
 */
public final class NodeReadiness {

    /** SQLSTATE of an undefined function: the image is PostgreSQL without the citus extension. */
    private static final String UNDEFINED_FUNCTION = "42883";

    private NodeReadiness() {
    }

    /**
     * Polls {@code jdbcUrl} until {@code SELECT citus_version()} answers, and returns the version.
     *
     * @param nodeName the node, for messages
     * @param jdbcUrl where to connect (a supplier: a restarted node may have a new mapped port)
     * @param logTail the node's last log lines, for messages
     */
    public static String awaitCitus(String nodeName, Supplier<String> jdbcUrl, String username, String password,
                                    Duration timeout, Supplier<String> logTail, String image) {
        AtomicReference<SQLException> lastFailure = new AtomicReference<>();
        AtomicReference<String> version = new AtomicReference<>();
        try {
            Awaitility.await("node " + nodeName + " to answer SELECT citus_version()")
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        try (Connection connection = DriverManager.getConnection(jdbcUrl.get(), username, password);
                             Statement statement = connection.createStatement();
                             ResultSet rs = statement.executeQuery("SELECT citus_version()")) {
                            rs.next();
                            version.set(rs.getString(1));
                            return true;
                        } catch (SQLException e) {
                            if (UNDEFINED_FUNCTION.equals(e.getSQLState())) {
                                throw new ClusterStartException("Node " + nodeName + " runs image '" + image
                                        + "', which answers as PostgreSQL but has no Citus: SELECT citus_version() failed with \""
                                        + e.getMessage() + "\". The image must have the citus extension installed and "
                                        + "preloaded (shared_preload_libraries='citus'), like citusdata/citus; "
                                        + io.citustestkit.CitusImage.howToOverride() + ".", e);
                            }
                            lastFailure.set(e);
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            SQLException last = lastFailure.get();
            throw new ClusterStartException("Node " + nodeName + " did not answer a JDBC round trip (SELECT citus_version() at "
                    + jdbcUrl.get() + ") within " + timeout.toSeconds() + " s"
                    + (last != null ? "; last error: " + last.getMessage() : "") + ".\n  Last lines of its log:\n" + logTail.get(),
                    last != null ? last : e);
        }
        return version.get();
    }
}

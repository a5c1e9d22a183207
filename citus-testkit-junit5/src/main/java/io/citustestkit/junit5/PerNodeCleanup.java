package io.citustestkit.junit5;

import io.citustestkit.commons.KitSql;
import io.citustestkit.CitusNode;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.commons.CitusTestkitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cleans a cluster the extension started on every node at once, each node resetting the shards it
 * holds, over one kept connection per node: one round trip per node, all nodes in parallel.
 *
 * <p>Going through the coordinator, Citus truncates every shard of every table one after the other per
 * worker, about 1 ms a shard: 10 tables of 32 shards take a third of a second. Here each node runs one
 * {@code DO} block ({@link PerNodeStatements}) that finds its own shard placements ({@code pg_dist_shard}
 * names every shard; the ones that exist locally are this node's), copies back the rows the schema left
 * into the shards a test changed, and empties the others: it skips the empty ones
 * ({@code pg_relation_size} = 0), deletes the rows of small ones and truncates the large ones (over
 * 1 MB), with foreign-key triggers off for the transaction ({@code session_replication_role = replica})
 * and Citus's guard against writing to shards lifted for it ({@code citus.enable_manual_changes_to_shards}).
 * What the schema left is {@linkplain #remember remembered} on each node, in the kit's schema
 * {@value PerNodeStatements#SCHEMA}. Restarting sequences resets each sequence owned by a Citus table,
 * on every node, to the value remembered for it, or to its own start value (workers hand out ids from
 * their own range). This needs the superuser the extension's clusters run as; {@link CoordinatorTruncate}
 * is the way for other clusters.
 *
 * <pre>{@code
 * try (PerNodeCleanup cleanup = new PerNodeCleanup(cluster)) {
 *     cleanup.remember("after the schema was applied");
 *     cleanup.clean(true, false, "after EventTest.should_store_an_event()");
 * }
 * }</pre>
 */
final class PerNodeCleanup implements TableCleaner {

    private static final Logger LOG = LoggerFactory.getLogger(PerNodeCleanup.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final CitusTestCluster cluster;
    private final Map<String, NodeConnection> connections = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private volatile boolean closed;

    PerNodeCleanup(CitusTestCluster cluster) {
        this.cluster = cluster;
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "citus-testkit-cleanup-" + cluster.id() + "-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void remember(String when) {
        runEverywhere(PerNodeStatements.remember(), "Could not remember the rows of the Citus tables " + when);
    }

    @Override
    public void clean(boolean restore, boolean restartSequences, String when) {
        runEverywhere(PerNodeStatements.reset(restore, restartSequences),
                (restore ? "Could not restore the Citus tables to the rows the schema left " : "Could not empty the Citus tables ") + when);
    }

    /** Runs {@code block} on every node at once; fails with every node's failure, each node named. */
    private void runEverywhere(String block, String failure) {
        if (closed) {
            throw new IllegalStateException("The cleanup of cluster " + cluster.id() + " is closed.");
        }
        String sql = KitSql.marked(block);
        List<CitusNode> nodes = new ArrayList<>();
        nodes.add(cluster.coordinator());
        nodes.addAll(cluster.workers());
        Map<CitusNode, Future<?>> others = new LinkedHashMap<>();
        for (CitusNode node : nodes.subList(1, nodes.size())) {
            others.put(node, executor.submit(() -> {
                run(node, sql);
                return null;
            }));
        }
        Map<CitusNode, Throwable> failures = new LinkedHashMap<>();
        try {
            run(nodes.get(0), sql);
        } catch (SQLException | RuntimeException e) {
            failures.put(nodes.get(0), e);
        }
        for (Map.Entry<CitusNode, Future<?>> other : others.entrySet()) {
            try {
                other.getValue().get();
            } catch (ExecutionException e) {
                failures.put(other.getKey(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(other.getKey(), e);
            }
        }
        if (!failures.isEmpty()) {
            throw failure(failure, failures);
        }
    }

    private void run(CitusNode node, String sql) throws SQLException {
        connections.computeIfAbsent(node.name(), name -> new NodeConnection()).execute(node, sql);
    }

    private CitusTestkitException failure(String what, Map<CitusNode, Throwable> failures) {
        StringBuilder message = new StringBuilder(what).append(':');
        Throwable first = null;
        for (Map.Entry<CitusNode, Throwable> failure : failures.entrySet()) {
            Throwable cause = failure.getValue();
            message.append("\n  on node ").append(failure.getKey().name()).append(": ").append(cause.getMessage());
            if (cause instanceof SQLException sql) {
                message.append(TableCleaner.hintFor(sql.getSQLState()));
            }
            first = first == null ? cause : first;
        }
        CitusTestkitException exception = new CitusTestkitException(message.toString(), first);
        failures.values().stream().skip(1).forEach(exception::addSuppressed);
        return exception;
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        connections.values().forEach(NodeConnection::close);
        connections.clear();
    }

    /** One kept connection to a node, opened again when the node moved (a restart maps a new port) or dropped it. */
    private final class NodeConnection {

        private Connection connection;
        private String url;

        synchronized void execute(CitusNode node, String sql) throws SQLException {
            try {
                execute(open(node), sql);
            } catch (SQLException e) {
                if (!isConnectionFailure(e)) {
                    throw e;
                }
                close();
                execute(open(node), sql);
            }
        }

        private void execute(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                for (SQLWarning notice = statement.getWarnings(); notice != null; notice = notice.getNextWarning()) {
                    LOG.debug("{} on {}", notice.getMessage(), url);
                }
            }
        }

        private Connection open(CitusNode node) throws SQLException {
            String current = node.jdbcUrl();
            if (connection != null && current.equals(url) && !connection.isClosed()) {
                return connection;
            }
            close();
            Properties properties = new Properties();
            properties.setProperty("user", cluster.username());
            properties.setProperty("password", cluster.password());
            properties.setProperty("ApplicationName", "citus-testkit-cleanup");
            properties.setProperty("connectTimeout", "10");
            properties.setProperty("socketTimeout", "60");
            connection = DriverManager.getConnection(current, properties);
            url = current;
            return connection;
        }

        private boolean isConnectionFailure(SQLException e) {
            try {
                return e.getSQLState() != null && e.getSQLState().startsWith("08") || connection == null || connection.isClosed();
            } catch (SQLException closedCheck) {
                return true;
            }
        }

        synchronized void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the connection is gone either way
                }
                connection = null;
            }
        }
    }
}

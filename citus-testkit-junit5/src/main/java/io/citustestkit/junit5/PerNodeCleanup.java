package io.citustestkit.junit5;

import io.citustestkit.commons.KitSql;
import io.citustestkit.CitusNode;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.commons.CitusTestkitException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
 * Cleans a cluster the extension started by emptying, on every node at once, the shards that node
 * holds, over one kept connection per node: one round trip per node, all nodes in parallel.
 *
 * <p>Going through the coordinator, Citus truncates every shard of every table one after the other per
 * worker, about 1 ms a shard: 10 tables of 32 shards take a third of a second. Here each node runs one
 * {@code DO} block that finds its own shard placements ({@code pg_dist_shard} names every shard; the
 * ones that exist locally are this node's), skips the empty ones ({@code pg_relation_size} = 0), deletes
 * the rows of small ones and truncates the large ones (over 1 MB), with foreign-key triggers off for the
 * transaction ({@code session_replication_role = replica}: every table ends up empty, so no reference
 * is left dangling) and Citus's guard against writing to shards lifted for it
 * ({@code citus.enable_manual_changes_to_shards}). Restarting sequences resets each sequence owned by
 * a Citus table, on every node, to its own start value (workers hand out ids from their own range).
 * This needs the superuser the extension's clusters run as; {@link CoordinatorTruncate} is the way for
 * other clusters.
 *
 * <pre>{@code
 * try (PerNodeCleanup cleanup = new PerNodeCleanup(cluster)) {
 *     cleanup.clean(false, "after EventTest.should_store_an_event()");
 * }
 * }</pre>
 */
final class PerNodeCleanup implements TableCleaner {

    /** Shards above this size are truncated (a new, empty file) instead of having their rows deleted. */
    static final long TRUNCATE_ABOVE_BYTES = 1024 * 1024;

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

    /** The block every node runs. */
    static String statement(boolean restartSequences) {
        String sequences = !restartSequences ? "" : """
                    FOR seq, start IN
                        SELECT d.objid::regclass, q.seqstart
                          FROM pg_depend d JOIN pg_sequence q ON q.seqrelid = d.objid
                         WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                           AND d.deptype IN ('a', 'i')
                           AND d.refobjid IN (SELECT logicalrelid FROM pg_dist_partition)
                    LOOP
                        PERFORM setval(seq, start, false);
                    END LOOP;
                """;
        return """
                DO $citus_testkit$
                DECLARE
                    shard regclass;
                    bytes bigint;
                    large text;
                    seq regclass;
                    start bigint;
                BEGIN
                    PERFORM set_config('lock_timeout', '%s', true);
                    PERFORM set_config('client_min_messages', 'warning', true);
                    PERFORM set_config('citus.enable_manual_changes_to_shards', 'on', true);
                    PERFORM set_config('session_replication_role', 'replica', true);
                    FOR shard, bytes IN
                        SELECT local.shard, pg_relation_size(local.shard)
                          FROM (SELECT to_regclass(shard_name(logicalrelid, shardid)) AS shard FROM pg_dist_shard) local
                         WHERE local.shard IS NOT NULL
                    LOOP
                        IF bytes > %d THEN
                            large := concat_ws(', ', large, shard::text);
                        ELSIF bytes > 0 THEN
                            EXECUTE 'DELETE FROM ' || shard;
                        END IF;
                    END LOOP;
                    IF large IS NOT NULL THEN
                        EXECUTE 'TRUNCATE ' || large || ' CASCADE';
                    END IF;
                %sEND
                $citus_testkit$""".formatted(LOCK_TIMEOUT, TRUNCATE_ABOVE_BYTES, sequences);
    }

    @Override
    public void clean(boolean restartSequences, String when) {
        if (closed) {
            throw new IllegalStateException("The cleanup of cluster " + cluster.id() + " is closed.");
        }
        String sql = KitSql.marked(statement(restartSequences));
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
            throw failure(when, failures);
        }
    }

    private void run(CitusNode node, String sql) throws SQLException {
        connections.computeIfAbsent(node.name(), name -> new NodeConnection()).execute(node, sql);
    }

    private CitusTestkitException failure(String when, Map<CitusNode, Throwable> failures) {
        StringBuilder message = new StringBuilder("Could not empty the Citus tables ").append(when).append(':');
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

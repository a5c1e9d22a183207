package io.citustestkit.reliability;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertMultiShard;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many threads asserting against one cluster at once: 8 threads x 200 assertions on a 2-worker
 * cluster with 4 shards per table, a fixed mix of assertions that must pass and assertions that must
 * fail, so that a wrong verdict in either direction is caught. Afterwards every pooled connection
 * is back in the pool, out of any transaction and with the EXPLAIN settings reset.
 */
@EnabledIfCitusImage
class ConcurrentAssertionsIT {

    private static final int THREADS = 8;
    private static final int ASSERTIONS_PER_THREAD = 200;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final int WRONG_VERDICTS_SHOWN = 20;

    private static CitusTestCluster cluster;
    private static HikariDataSource dataSource;

    @BeforeAll
    static void startCluster() {
        cluster = CitusTestCluster.builder().workers(2).shardCount(4)
                .schema("classpath:reliability-concurrency-schema.sql").start();
        dataSource = (HikariDataSource) cluster.dataSource();
    }

    @AfterAll
    static void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void should_give_every_verdict_right_and_return_every_connection_when_8_threads_assert_at_once()
            throws Exception {
        // GIVEN 8 threads that start together, each with its own 200 assertions
        Verdicts verdicts = new Verdicts();
        CountDownLatch startTogether = new CountDownLatch(1);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS,
                runnable -> new Thread(runnable, "concurrent-assertions-" + threadNumber.incrementAndGet()));
        List<Future<?>> runs = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int t = thread;
            runs.add(threads.submit(() -> {
                startTogether.await();
                for (int i = 0; i < ASSERTIONS_PER_THREAD; i++) {
                    Check check = Check.of(t, i);
                    verdicts.record(check, t, i, check.run(dataSource, tenant(t, i)));
                }
                return null;
            }));
        }

        // WHEN
        long started = System.nanoTime();
        startTogether.countDown();
        threads.shutdown();
        boolean finished = threads.awaitTermination(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        long elapsedNanos = System.nanoTime() - started;
        if (!finished) {
            threads.shutdownNow();
        }

        // THEN
        int total = THREADS * ASSERTIONS_PER_THREAD;
        System.out.printf("ConcurrentAssertionsIT: %d of %d assertions (%d to pass, %d to fail) on %d threads in %d ms:"
                        + " %.0f assertions/s%n", verdicts.done(), total, expected(Outcome.PASS), expected(Outcome.FAIL),
                THREADS, elapsedNanos / 1_000_000, verdicts.done() / (elapsedNanos / 1e9));
        assertThat(finished).as("all threads finished within %s (done %d of %d)", RUN_TIMEOUT, verdicts.done(), total)
                .isTrue();
        for (Future<?> run : runs) {
            run.get(0, TimeUnit.SECONDS);
        }
        assertThat(verdicts.wrong()).as("wrong verdicts (first %d shown)", WRONG_VERDICTS_SHOWN).isEmpty();
        assertThat(verdicts.wrongCount()).as("wrong verdicts").isZero();
        assertThat(verdicts.passed()).as("assertions that passed").isEqualTo(expected(Outcome.PASS));
        assertThat(verdicts.failedAsExpected()).as("assertions that failed with the expected message")
                .isEqualTo(expected(Outcome.FAIL));
        assertThat(verdicts.perCheck()).as("verdicts per check").isEqualTo(expectedPerCheck());

        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        await("every connection back in the pool").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(pool.getActiveConnections()).as("active connections").isZero());
        assertThat(pool.getIdleConnections()).as("idle connections").isLessThanOrEqualTo(dataSource.getMaximumPoolSize());
        assertThat(pool.getTotalConnections()).as("pooled connections").isLessThanOrEqualTo(dataSource.getMaximumPoolSize());
        assertThat(pool.getThreadsAwaitingConnection()).as("threads waiting for a connection").isZero();
        assertEveryPooledConnectionIsClean();
        assertThat(serverSessionsInATransaction()).as("coordinator sessions of the pool left in a transaction").isZero();
    }

    /**
     * Borrows as many connections as the pool may hold, so that every pooled one is seen: none may be
     * in a transaction, out of auto-commit, or keep the settings the EXPLAIN set transaction-locally.
     */
    private static void assertEveryPooledConnectionIsClean() throws SQLException {
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < dataSource.getMaximumPoolSize(); i++) {
                Connection connection = dataSource.getConnection();
                borrowed.add(connection);
                assertThat(connection.unwrap(BaseConnection.class).getTransactionState())
                        .as("transaction state of pooled connection %d", i).isEqualTo(TransactionState.IDLE);
                assertThat(connection.getAutoCommit()).as("auto-commit of pooled connection %d", i).isTrue();
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT current_setting('citus.explain_all_tasks')")) {
                    rows.next();
                    assertThat(rows.getString(1)).as("citus.explain_all_tasks on pooled connection %d", i)
                            .isEqualTo("off");
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
    }

    private static long serverSessionsInATransaction() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE application_name = 'citus-testkit' AND pid <> pg_backend_pid()"
                     + " AND state LIKE 'idle in transaction%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long tenant(int thread, int index) {
        return thread * 1_000L + index + 1;
    }

    private static int expected(Outcome outcome) {
        return expectedPerCheck().entrySet().stream().filter(e -> e.getKey().outcome == outcome)
                .mapToInt(Map.Entry::getValue).sum();
    }

    private static Map<Check, Integer> expectedPerCheck() {
        Map<Check, Integer> counts = new EnumMap<>(Check.class);
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < ASSERTIONS_PER_THREAD; i++) {
                counts.merge(Check.of(t, i), 1, Integer::sum);
            }
        }
        return counts;
    }

    private enum Outcome { PASS, FAIL }

    @FunctionalInterface
    private interface Assertion {
        void run(DataSource dataSource, long tenant);
    }

    /** The mix: each check either must pass, or must fail with a message that shows why. */
    private enum Check {
        ROUTED_TENANT_QUERY(Outcome.PASS, null, (ds, tenant) ->
                assertRoutedToSingleWorker(ds, "SELECT * FROM projects WHERE tenant_id = ?", tenant)),
        ROUTED_COLOCATED_JOIN(Outcome.PASS, null, (ds, tenant) ->
                assertRoutedToSingleWorker(ds, "SELECT p.name, count(t.id) FROM projects p JOIN tasks t"
                        + " ON t.tenant_id = p.tenant_id AND t.project_id = p.id WHERE p.tenant_id = ? GROUP BY p.name",
                        tenant)),
        ROUTED_TENANT_UPDATE(Outcome.PASS, null, (ds, tenant) ->
                assertRoutedToSingleWorker(ds, "UPDATE tasks SET done = ? WHERE tenant_id = ? AND project_id = ?",
                        true, tenant, 1L)),
        MULTI_SHARD_COUNT(Outcome.PASS, null, (ds, tenant) ->
                assertMultiShard(ds, "SELECT count(*) FROM tasks WHERE done = ?", false)),
        MULTI_SHARD_GROUP_BY(Outcome.PASS, null, (ds, tenant) ->
                assertMultiShard(ds, "SELECT tenant_id, count(*) FROM projects GROUP BY tenant_id")),
        COLOCATED(Outcome.PASS, null, (ds, tenant) -> assertColocated(ds, "tenants", "projects", "tasks")),
        FAN_OUT_IS_NOT_ROUTED(Outcome.FAIL, "but it runs as 4 tasks on 2 workers", (ds, tenant) ->
                assertRoutedToSingleWorker(ds, "SELECT count(*) FROM projects WHERE id > ?", tenant)),
        TENANT_QUERY_IS_NOT_MULTI_SHARD(Outcome.FAIL, "but it runs as 1 task on worker-", (ds, tenant) ->
                assertMultiShard(ds, "SELECT * FROM tasks WHERE tenant_id = ?", tenant)),
        SEPARATE_GROUPS_ARE_NOT_COLOCATED(Outcome.FAIL, "ledger in colocation group", (ds, tenant) ->
                assertColocated(ds, "projects", "ledger"));

        private final Outcome outcome;
        private final String failureShows;
        private final Assertion assertion;

        Check(Outcome outcome, String failureShows, Assertion assertion) {
            this.outcome = outcome;
            this.failureShows = failureShows;
            this.assertion = assertion;
        }

        /** Which check a thread runs as its i-th: every thread runs the whole mix, each from another start. */
        static Check of(int thread, int index) {
            return values()[(thread + index) % values().length];
        }

        /** Runs the assertion; returns what it threw, or {@code null} if it passed. */
        Throwable run(DataSource dataSource, long tenant) {
            try {
                assertion.run(dataSource, tenant);
                return null;
            } catch (Throwable thrown) {
                return thrown;
            }
        }
    }

    /** The verdicts of all threads: right ones counted, wrong ones (a few kept in full) reported. */
    private static final class Verdicts {

        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger passed = new AtomicInteger();
        private final AtomicInteger failedAsExpected = new AtomicInteger();
        private final AtomicLong wrongCount = new AtomicLong();
        private final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        private final Map<Check, AtomicInteger> perCheck = Collections.synchronizedMap(new EnumMap<>(Check.class));

        void record(Check check, int thread, int index, Throwable thrown) {
            done.incrementAndGet();
            String problem = null;
            if (check.outcome == Outcome.PASS && thrown != null) {
                problem = "must pass but threw " + thrown;
            } else if (check.outcome == Outcome.FAIL && thrown == null) {
                problem = "must fail but passed";
            } else if (check.outcome == Outcome.FAIL && !(thrown instanceof AssertionError)) {
                problem = "must fail with an AssertionError but threw " + thrown;
            } else if (check.outcome == Outcome.FAIL && !String.valueOf(thrown.getMessage()).contains(check.failureShows)) {
                problem = "must fail showing \"" + check.failureShows + "\" but failed with " + thrown.getMessage();
            }
            if (problem != null) {
                if (wrongCount.incrementAndGet() <= WRONG_VERDICTS_SHOWN) {
                    wrong.add("thread " + thread + ", assertion " + index + ", " + check + ": " + problem);
                }
                return;
            }
            (check.outcome == Outcome.PASS ? passed : failedAsExpected).incrementAndGet();
            perCheck.computeIfAbsent(check, c -> new AtomicInteger()).incrementAndGet();
        }

        int done() {
            return done.get();
        }

        int passed() {
            return passed.get();
        }

        int failedAsExpected() {
            return failedAsExpected.get();
        }

        long wrongCount() {
            return wrongCount.get();
        }

        List<String> wrong() {
            return List.copyOf(wrong);
        }

        Map<Check, Integer> perCheck() {
            Map<Check, Integer> counts = new EnumMap<>(Check.class);
            synchronized (perCheck) {
                perCheck.forEach((check, count) -> counts.put(check, count.get()));
            }
            return counts;
        }
    }
}

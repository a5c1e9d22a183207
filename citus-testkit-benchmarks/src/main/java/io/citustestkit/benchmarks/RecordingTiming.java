package io.citustestkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.recording.RecordedStatements;
import io.citustestkit.recording.StatementRecorder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import static io.citustestkit.assertions.CitusAssertions.assertThatStatements;

/**
 * What statement recording costs: a test's 200 tenant statements through the application's own pool,
 * on a cluster that does not log statements and on one that records them, and the verdict over them.
 */
final class RecordingTiming {

    static final int STATEMENTS = 200;
    private static final long TENANT = 42L;
    private static final Duration STARTUP = Duration.ofMinutes(5);

    /** The three timings, in nanoseconds, each run {@code rounds} times. */
    record Result(Timings withoutRecording, Timings withRecording, Timings verdict) {
    }

    private RecordingTiming() {
    }

    /**
     * Runs the recording rows of the benchmark alone, on the image of {@code citus.testkit.image}:
     * {@code java -cp ... io.citustestkit.benchmarks.RecordingTiming [rounds]} (5 rounds by default).
     *
     * @param args the number of rounds, optionally
     * @throws SQLException if a statement fails
     */
    public static void main(String[] args) throws SQLException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Result recording = run("classpath:bench-schema.sql", rounds);
        Report report = new Report();
        report.add("recording: 200 tenant statements, not recorded", recording.withoutRecording(), "1.00", "");
        report.add("recording: the same, recorded", recording.withRecording(),
                Report.ratio(recording.withRecording(), recording.withoutRecording()), "<= 1.5 (ratio to not recorded)");
        report.add("recording: verdict over 200 statements", recording.verdict(), "", "< 1000 ms");
        report.print("Recording rows (" + rounds + " rounds; ratio = median / not recorded median)");
    }

    static Result run(String schema, int rounds) throws SQLException {
        Timings without = new Timings();
        Timings with = new Timings();
        Timings verdict = new Timings();
        // the start is not measured here: a loaded machine may take longer than the default to start a node
        try (CitusTestCluster quiet = CitusTestCluster.builder().workers(2).shardCount(4).schema(schema).statementRecording(false)
                .startupTimeout(STARTUP).start();
             CitusTestCluster recording = CitusTestCluster.builder().workers(2).shardCount(4).schema(schema).startupTimeout(STARTUP).start();
             HikariDataSource quietPool = pool(quiet);
             HikariDataSource recordingPool = pool(recording)) {
            tenantStatements(quietPool); // warm-up: connections, plans, JIT
            tenantStatements(recordingPool);
            for (int round = 0; round < rounds; round++) {
                long started = System.nanoTime();
                tenantStatements(quietPool);
                without.add(System.nanoTime() - started);
                try (StatementRecorder recorder = recording.recordStatements()) {
                    started = System.nanoTime();
                    tenantStatements(recordingPool);
                    with.add(System.nanoTime() - started);
                    RecordedStatements statements = recorder.statements();
                    started = System.nanoTime();
                    assertThatStatements(statements).allRoutedToSingleWorker().allTouchOnlyTenant(TENANT);
                    verdict.add(System.nanoTime() - started);
                    if (statements.all().size() != STATEMENTS) {
                        throw new IllegalStateException("recorded " + statements.all().size() + " statements, sent " + STATEMENTS);
                    }
                }
            }
        }
        return new Result(without, with, verdict);
    }

    /** Half writes, half reads of one tenant, as a repository test would send them. */
    private static void tenantStatements(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO t01 (tenant_id, payload, amount) VALUES (?, 'x', ?)");
             PreparedStatement select = connection.prepareStatement("SELECT count(*), sum(amount) FROM t01 WHERE tenant_id = ?")) {
            for (int i = 0; i < STATEMENTS / 2; i++) {
                insert.setLong(1, TENANT);
                insert.setLong(2, i);
                insert.executeUpdate();
                select.setLong(1, TENANT);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                }
            }
        }
    }

    private static HikariDataSource pool(CitusTestCluster cluster) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(cluster.jdbcUrl());
        config.setUsername(cluster.username());
        config.setPassword(cluster.password());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}

package io.citustestkit.benchmarks;

import io.citustestkit.CitusImage;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.assertions.CitusAssertions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The benchmark: in one run, on one machine and image, measures
 * <ul>
 *   <li>baseline: one plain Citus container started and answering {@code SELECT 1};</li>
 *   <li>cold: a coordinator + 2 worker cluster with 10 distributed tables, ready for queries, with each
 *       start-up lever (shard count, tmpfs, initialised image) on and off, snapshots off;</li>
 *   <li>snapshots: the same cluster started from its snapshot set (the default), and the first start of a
 *       configuration, which makes the set ({@code -Dbench.only=snapshots} runs the snapshot rows alone, with
 *       the snapshot directory: a start from its archives without images, and making images and archives);</li>
 *   <li>shared: a second test class asking for the same {@code @CitusCluster};</li>
 *   <li>reset: the clean-state step between tests, 10 tables holding 3,000 rows, with and without rows the
 *       schema seeded ({@code -Dbench.only=reset} runs these rows alone);</li>
 *   <li>assertions: {@code assertRoutedToSingleWorker} and {@code assertColocated}, 300 calls each;</li>
 *   <li>recording: 200 tenant statements with and without statement recording, and the verdict over them;</li>
 *   <li>report: the statement report of 10,000 recorded statements, built and written,</li>
 * </ul>
 * and prints a table with the ratios. Run it with {@code scripts/benchmark.sh}.
 *
 * <pre>{@code
 * mvn -pl citus-testkit-benchmarks -am install -DskipTests && mvn -pl citus-testkit-benchmarks exec:java -Dbench.rounds=3
 * }</pre>
 */
public final class Benchmark {

    private static final String SCHEMA = "classpath:bench-schema.sql";
    private static final String SEED = "classpath:bench-seed.sql";
    private static final int ASSERTION_CALLS = 300;
    private static final int RESET_ROUNDS = 30;
    private static final String COLD_32 = "cold: 1+2, 10 tables, 32 shards (Citus default)";
    private static final String SNAPSHOT_MADE_32 = "snapshot: 1st start, makes it, 32 shards";
    private static final String SNAPSHOT_32 = "snapshot: present, 1+2, 10 tables, 32 shards";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        String image = CitusImage.resolve(null).name();
        if ("reset".equals(System.getProperty("bench.only"))) {
            Report report = new Report();
            addResetRows(report);
            report.print("Results (" + image + "; reset rows only, -Dbench.only=reset)");
            return;
        }
        if ("snapshots".equals(System.getProperty("bench.only"))) {
            addSnapshotDirectoryRows(new Report(), image, rounds);
            return;
        }
        System.out.println("citus-testkit benchmark: image " + image + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + rounds + " rounds of each start-up (interleaved)");

        Map<String, UnaryOperator<CitusTestCluster.Builder>> levers = new LinkedHashMap<>();
        levers.put(COLD_32, b -> b.snapshots(false));
        levers.put("cold: 1+2, 10 tables, shardCount 4", b -> b.shardCount(4).snapshots(false));
        levers.put("cold: 1+2, 10 tables, 32 shards, tmpfs", b -> b.dataOnTmpfs(true).snapshots(false));
        levers.put("cold: 1+2, 10 tables, shardCount 4, tmpfs", b -> b.shardCount(4).dataOnTmpfs(true).snapshots(false));
        levers.put("cold: 1+2, 10 tables, 32 shards, initialized image", b -> b.initializedImageCache(true).snapshots(false));
        levers.put("cold: 1+2, 10 tables, shardCount 4, initialized image",
                b -> b.shardCount(4).initializedImageCache(true).snapshots(false));
        Map<String, UnaryOperator<CitusTestCluster.Builder>> snapshotLevers = new LinkedHashMap<>();
        snapshotLevers.put(SNAPSHOT_MADE_32, b -> b);
        snapshotLevers.put("snapshot: 1st start, makes it, shardCount 4", b -> b.shardCount(4));
        snapshotLevers.put(SNAPSHOT_32, b -> b);
        snapshotLevers.put("snapshot: present, 1+2, 10 tables, shardCount 4", b -> b.shardCount(4));

        Timings baseline = new Timings();
        Map<String, Timings> cold = new LinkedHashMap<>();
        levers.keySet().forEach(name -> cold.put(name, new Timings()));
        snapshotLevers.keySet().forEach(name -> cold.put(name, new Timings()));
        startCluster(b -> b.shardCount(4).snapshots(false)); // warm-up: page cache, JIT, image layers
        long cacheStarted = System.nanoTime();
        startCluster(b -> b.shardCount(4).initializedImageCache(true)); // creates the cached image if it is not there yet
        Timings firstCacheUse = new Timings();
        firstCacheUse.add(System.nanoTime() - cacheStarted);
        for (int round = 1; round <= rounds; round++) {
            baseline.add(SingleContainerTiming.startSingleContainer(image));
            for (Map.Entry<String, UnaryOperator<CitusTestCluster.Builder>> lever : levers.entrySet()) {
                cold.get(lever.getKey()).add(startCluster(lever.getValue()));
            }
            SnapshotImages.removeAll(); // the next two starts make the snapshot sets, the two after use them
            for (Map.Entry<String, UnaryOperator<CitusTestCluster.Builder>> lever : snapshotLevers.entrySet()) {
                cold.get(lever.getKey()).add(startCluster(lever.getValue()));
            }
            System.err.println("round " + round + " of " + rounds + " done");
        }

        SharedClusterTiming.Result shared = SharedClusterTiming.run();
        Timings firstClass = new Timings();
        firstClass.add(shared.firstClassNanos());
        Timings secondClass = new Timings();
        secondClass.add(shared.secondClassNanos());

        Timings routed = new Timings();
        Timings colocated = new Timings();
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(2).shardCount(4).schema(SCHEMA).start()) {
            DataSource dataSource = cluster.dataSource();
            for (int i = 0; i < 30; i++) {
                CitusAssertions.assertRoutedToSingleWorker(dataSource, "SELECT * FROM t01 WHERE tenant_id = ?", (long) i);
                CitusAssertions.assertColocated(dataSource, "t01", "t02");
            }
            for (int i = 0; i < ASSERTION_CALLS; i++) {
                long started = System.nanoTime();
                CitusAssertions.assertRoutedToSingleWorker(dataSource, "SELECT * FROM t01 WHERE tenant_id = ?", (long) i);
                routed.add(System.nanoTime() - started);
                started = System.nanoTime();
                CitusAssertions.assertColocated(dataSource, "t01", "t02");
                colocated.add(System.nanoTime() - started);
            }
        }

        RecordingTiming.Result recording = RecordingTiming.run(SCHEMA, Math.max(rounds, 5));
        Timings statementReport = ReportTiming.run(Math.max(rounds, 5));

        Report report = new Report();
        report.add("baseline: 1 Citus container, SELECT 1 answered", baseline, "1.00", "");
        cold.forEach((name, timings) -> report.add(name, timings, Report.ratio(timings, baseline), target(name)));
        report.add("snapshot: 1st start (makes it) / cold start, 32 shards", cold.get(SNAPSHOT_MADE_32),
                Report.ratio(cold.get(SNAPSHOT_MADE_32), cold.get(COLD_32)), "<= 1.5 (ratio to cold, snapshots off)");
        report.add("initialized image: 1st use (creates it if missing)", firstCacheUse, Report.ratio(firstCacheUse, baseline),
                "once per image");
        report.add("shared: 1st @CitusCluster class (starts the cluster)", firstClass, Report.ratio(firstClass, baseline), "");
        report.add("shared: 2nd class, same configuration", secondClass, Report.ratio(secondClass, baseline), "~0");
        addResetRows(report);
        report.add("assertRoutedToSingleWorker, warm cluster", routed, "", "median <= 10 ms");
        report.add("assertColocated (2 tables), warm cluster", colocated, "", "median <= 10 ms");
        report.add("recording: 200 tenant statements, not recorded", recording.withoutRecording(), "1.00", "");
        report.add("recording: the same, recorded", recording.withRecording(),
                Report.ratio(recording.withRecording(), recording.withoutRecording()), "<= 1.5 (ratio to not recorded)");
        report.add("recording: verdict over 200 statements", recording.verdict(), "", "< 1000 ms");
        report.add("report: 10,000 recorded statements -> statements.html + .json", statementReport, "", "< 1000 ms");
        report.print("Results (" + image + "; ratio = median / baseline median)");
    }

    /** The snapshot rows alone ({@code -Dbench.only=snapshots}): images, the snapshot directory, and what making them costs. */
    private static void addSnapshotDirectoryRows(Report report, String image, int rounds) throws Exception {
        System.out.println("citus-testkit benchmark, snapshot rows: image " + image + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + rounds + " rounds (interleaved)");
        Map<String, Timings> rows = SnapshotDirectoryTiming.run(image, rounds);
        Timings baseline = rows.get(SnapshotDirectoryTiming.BASELINE);
        Timings cold = rows.get(SnapshotDirectoryTiming.COLD);
        report.add(SnapshotDirectoryTiming.BASELINE, baseline, "1.00", "");
        report.add(SnapshotDirectoryTiming.COLD, cold, Report.ratio(cold, baseline), "");
        report.add(SnapshotDirectoryTiming.FROM_DIRECTORY, rows.get(SnapshotDirectoryTiming.FROM_DIRECTORY),
                Report.ratio(rows.get(SnapshotDirectoryTiming.FROM_DIRECTORY), baseline), "<= 1.0");
        report.add(SnapshotDirectoryTiming.IMAGES_AFTER, rows.get(SnapshotDirectoryTiming.IMAGES_AFTER), "", "(the start does not wait)");
        report.add(SnapshotDirectoryTiming.FROM_IMAGES, rows.get(SnapshotDirectoryTiming.FROM_IMAGES),
                Report.ratio(rows.get(SnapshotDirectoryTiming.FROM_IMAGES), baseline), "<= 0.7");
        report.add(SnapshotDirectoryTiming.MADE_IMAGES, rows.get(SnapshotDirectoryTiming.MADE_IMAGES),
                Report.ratio(rows.get(SnapshotDirectoryTiming.MADE_IMAGES), baseline), "");
        report.add(SnapshotDirectoryTiming.MADE_WITH_ARCHIVE, rows.get(SnapshotDirectoryTiming.MADE_WITH_ARCHIVE),
                Report.ratio(rows.get(SnapshotDirectoryTiming.MADE_WITH_ARCHIVE), baseline), "");
        report.add(SnapshotDirectoryTiming.ARCHIVES_AFTER, rows.get(SnapshotDirectoryTiming.ARCHIVES_AFTER), "", "(the start does not wait)");
        report.add("snapshot: makes images + archives / cold start", rows.get(SnapshotDirectoryTiming.MADE_WITH_ARCHIVE),
                Report.ratio(rows.get(SnapshotDirectoryTiming.MADE_WITH_ARCHIVE), cold), "<= 1.3 (ratio to cold, snapshots off)");
        report.print("Results (" + image + "; snapshot rows only, -Dbench.only=snapshots; ratio = median / baseline median)");
    }

    private static String target(String row) {
        if (row.startsWith("snapshot: present")) {
            return "<= 1.0 (stretch 0.7)";
        }
        return row.startsWith("snapshot: 1st") ? "" : "<= 1.5 now, <= 1.0 goal";
    }

    private static long startCluster(UnaryOperator<CitusTestCluster.Builder> lever) throws Exception {
        long started = System.nanoTime();
        try (CitusTestCluster cluster = lever.apply(CitusTestCluster.builder().workers(2).schema(SCHEMA)).start();
             Connection connection = cluster.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM t10")) {
            rs.next();
            return System.nanoTime() - started;
        }
    }

    /**
     * The clean-state rows: on the benchmark's schema (no rows seeded) and on its seeded variant (5
     * reference rows, 100 rows per tenant table), each reset after a "test" that wrote 300 rows into
     * each of the 10 tables, and on the seeded variant also after a test that wrote nothing.
     */
    private static void addResetRows(Report report) {
        Timings perNodeTruncate = new Timings();
        Timings perNodeRestore = new Timings();
        Timings coordinatorTruncate = new Timings();
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(2).shardCount(4).schema(SCHEMA).start();
             CleanupTiming cleanups = new CleanupTiming(cluster)) {
            for (int round = 0; round < RESET_ROUNDS; round++) {
                load(cluster);
                coordinatorTruncate.add(cleanups.coordinatorTruncate());
                load(cluster);
                perNodeTruncate.add(cleanups.perNodeCleanup());
                load(cluster);
                perNodeRestore.add(cleanups.perNodeRestore());
            }
        }
        Timings seededRestore = new Timings();
        Timings seededUntouched = new Timings();
        Timings seededOneTable = new Timings();
        Timings seededCoordinator = new Timings();
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(2).shardCount(4).schema(SCHEMA, SEED).start();
             CleanupTiming cleanups = new CleanupTiming(cluster)) {
            cleanups.perNodeRestore(); // the first restore rewrites every seeded shard once
            for (int round = 0; round < RESET_ROUNDS; round++) {
                load(cluster);
                seededRestore.add(cleanups.perNodeRestore());
                seededUntouched.add(cleanups.perNodeRestore());
                cluster.execute("UPDATE t01 SET amount = amount + 1 WHERE tenant_id = 3");
                seededOneTable.add(cleanups.perNodeRestore());
                load(cluster);
                seededCoordinator.add(cleanups.coordinatorRestore());
            }
        }
        report.add("reset: per-node RESTORE (default), 10 tables x 300 rows, none seeded", perNodeRestore, "", "median 10-25 ms");
        report.add("reset: per-node TRUNCATE (empty tables), same data", perNodeTruncate, "", "");
        report.add("reset: coordinator TRUNCATE (opt-in), same data", coordinatorTruncate, "", "");
        report.add("reset: per-node RESTORE, seeded (5 ref rows, 100/table), test wrote 300/table", seededRestore, "",
                "median <= 50 ms");
        report.add("reset: per-node RESTORE, seeded, test wrote nothing", seededUntouched, "", "");
        report.add("reset: per-node RESTORE, seeded, test changed 1 tenant of 1 table", seededOneTable, "", "");
        report.add("reset: coordinator TRUNCATE + insert seeded rows (existing clusters)", seededCoordinator, "", "");
    }

    private static void load(CitusTestCluster cluster) {
        StringBuilder sql = new StringBuilder();
        for (int table = 1; table <= 10; table++) {
            sql.append(String.format("INSERT INTO t%02d (tenant_id, payload, amount) SELECT g %% 100, 'x', g FROM generate_series(1, 300) g;",
                    table));
        }
        cluster.execute(sql.toString());
    }
}

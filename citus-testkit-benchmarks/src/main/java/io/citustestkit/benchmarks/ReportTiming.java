package io.citustestkit.benchmarks;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.recording.RecordedStatement;
import io.citustestkit.report.ReportFiles;
import io.citustestkit.report.StatementReport;
import io.citustestkit.report.TestStatements;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the statement report costs at the end of a run: building it from 10,000 recorded statements
 * (router statements of 1,000 tenants, multi-shard statements, a repartition join, spread over 200
 * tests in 20 classes) and writing {@code statements.html}, {@code statements.json} and the schema.
 * No cluster: the statements are made as recording makes them.
 *
 * <pre>{@code
 * mvn -B -o -q -pl citus-testkit-benchmarks -am compile exec:java -Dexec.mainClass=io.citustestkit.benchmarks.ReportTiming
 * }</pre>
 */
final class ReportTiming {

    static final int STATEMENTS = 10_000;
    private static final int TESTS = 200;
    private static final int SHARDS = 32;

    private ReportTiming() {
    }

    public static void main(String[] args) throws IOException {
        Timings timings = run(Integer.getInteger("bench.rounds", 5));
        Report report = new Report();
        report.add("report: 10,000 recorded statements -> statements.html + .json", timings, "", "< 1000 ms");
        report.print("Statement report");
    }

    /** Builds and writes the report of {@link #STATEMENTS} statements {@code rounds} times (after two warm-ups). */
    static Timings run(int rounds) throws IOException {
        List<TestStatements> tests = tests();
        Path directory = Files.createTempDirectory("citus-testkit-report-bench");
        try {
            for (int i = 0; i < 2; i++) {
                ReportFiles.write(StatementReport.of(tests), directory);
            }
            Timings timings = new Timings();
            for (int round = 0; round < rounds; round++) {
                long started = System.nanoTime();
                ReportFiles.write(StatementReport.of(tests), directory);
                timings.add(System.nanoTime() - started);
            }
            return timings;
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    static List<TestStatements> tests() {
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            shards.add(new Shard(102008 + i, "events", TableKind.DISTRIBUTED, 2, String.valueOf(i), String.valueOf(i),
                    List.of(new NodeAddress("worker-" + (i % 2 + 1), 5432))));
        }
        List<TestStatements> tests = new ArrayList<>();
        int perTest = STATEMENTS / TESTS;
        for (int test = 0; test < TESTS; test++) {
            List<RecordedStatement> statements = new ArrayList<>(perTest);
            for (int i = 0; i < perTest; i++) {
                statements.add(statement(test * perTest + i, shards));
            }
            tests.add(new TestStatements("citus 14.0.1-pg18, 2 workers", "com.acme.Test" + (test % 20), "test" + test, null, statements));
        }
        return tests;
    }

    private static RecordedStatement statement(int n, List<Shard> shards) {
        String tenant = String.valueOf(n % 1000);
        Shard shard = shards.get(n % SHARDS);
        String node = shard.placements().get(0).host();
        return switch (n % 10) {
            case 0 -> new RecordedStatement("SELECT count(*) FROM events", List.of(), PlanKind.MULTI_SHARD, shards,
                    List.of("worker-1", "worker-2"), shards.stream().map(s -> "SELECT count(*) AS count FROM public.events_" + s.shardId()
                    + " events WHERE true").toList(), null);
            case 1 -> new RecordedStatement("SELECT e.* FROM events e JOIN users u ON u.email = e.payload WHERE e.owner_id = "
                    + tenant, List.of(), PlanKind.REPARTITION, shards.subList(0, 4), List.of("worker-1", "worker-2"),
                    List.of("SELECT worker_partition_query_result('repartition_" + n + "', 'SELECT ...', 0, 'hash', ...)"), null);
            case 2, 3 -> new RecordedStatement("INSERT INTO events (owner_id, payload) VALUES ($1, $2)", List.of(tenant, "event " + n),
                    PlanKind.ROUTER, List.of(shard), List.of(node), List.of("INSERT INTO public.events_" + shard.shardId()
                    + " (owner_id, payload) VALUES ('" + tenant + "'::bigint, 'event " + n + "'::text)"), null, List.of(tenant), null,
                    List.of());
            default -> new RecordedStatement("SELECT * FROM events WHERE owner_id = $1 AND kind = '" + (n % 7) + "'",
                    List.of(tenant), PlanKind.ROUTER, List.of(shard), List.of(node), List.of("SELECT * FROM public.events_"
                    + shard.shardId() + " events WHERE (owner_id OPERATOR(pg_catalog.=) '" + tenant + "'::bigint)"), null,
                    List.of(tenant), null, List.of());
        };
    }
}

package io.citustestkit.report;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.recording.RecordedLogs;
import io.citustestkit.recording.RecordedStatement;

import java.time.Instant;
import java.util.List;

/** Reports built from the statements of a real captured coordinator log, split over a few tests. */
final class ReportFixtures {

    static final String CLUSTER = "citus 14.0.1-pg18, 2 workers";
    static final Instant AT = Instant.parse("2026-12-06T03:00:00Z");
    static final List<RecordedStatement> REAL = RecordedLogs.citus14Pg18();

    private ReportFixtures() {
    }

    /** The real log's statements: the first half from one test, the rest from a test allowed to fan out. */
    static List<TestStatements> tests() {
        int half = REAL.size() / 2;
        return List.of(
                new TestStatements(CLUSTER, "com.acme.EventTest", "should_count_a_tenants_events", null, REAL.subList(0, half)),
                new TestStatements(CLUSTER, "com.acme.ReportTest", "should_read_every_tenant", "the monthly report reads every tenant",
                        REAL.subList(half, REAL.size())));
    }

    static StatementReport report() {
        return StatementReport.of(tests(), AT);
    }

    /** A repartition join as the recording judges one: commands that move rows between the workers. */
    static RecordedStatement repartition() {
        List<Shard> shards = List.of(shard(102012, "worker-1"), shard(102013, "worker-2"));
        return new RecordedStatement("SELECT count(*) FROM events a JOIN events b ON a.event_type = b.event_type", List.of(),
                PlanKind.REPARTITION, shards, List.of("worker-1", "worker-2"),
                List.of("SELECT worker_partition_query_result('repartition_1_1', 'SELECT ... FROM events_102012 a', ...)",
                        "SELECT worker_partition_query_result('repartition_1_2', 'SELECT ... FROM events_102013 a', ...)"), null);
    }

    static Shard shard(long id, String node) {
        return new Shard(id, "events", TableKind.DISTRIBUTED, 2, "0", "1", List.of(new NodeAddress(node, 5432)));
    }
}

package io.citustestkit.report;

import io.citustestkit.plan.PlanKind;
import io.citustestkit.recording.RecordedStatement;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report of the statements of a real captured coordinator log (events, 4 shards on 2 workers). */
class StatementReportTest {

    @Test
    void should_sum_the_run_up() {
        StatementReport report = ReportFixtures.report();

        assertThat(report.statements()).isEqualTo(ReportFixtures.REAL.size());
        assertThat(report.tests()).isEqualTo(2);
        assertThat(report.clusters()).extracting(ClusterSection::cluster).containsExactly(ReportFixtures.CLUSTER);
        assertThat(report.shapes()).as("the 8 executions of the prepared count, with 42 and 2, are one shape")
                .isLessThan(report.statements());
    }

    @Test
    void should_put_the_shapes_worst_first_and_the_tenant_queries_as_router_with_their_tenants() {
        List<StatementShape> shapes = ReportFixtures.report().clusters().get(0).shapes();

        assertThat(shapes).extracting(StatementShape::severity).isSortedAccordingTo(Enum::compareTo);
        assertThat(shapes.get(0).severity()).isEqualTo(ShapeSeverity.MULTI_SHARD);
        StatementShape count = shapes.stream().filter(shape -> shape.sql().equals("SELECT count(*) FROM events WHERE owner_id = ?"))
                .findFirst().orElseThrow();
        assertThat(count.severity()).isEqualTo(ShapeSeverity.ROUTER);
        assertThat(count.kinds()).containsOnlyKeys(PlanKind.ROUTER);
        assertThat(count.count()).isGreaterThanOrEqualTo(8);
        assertThat(count.tenants()).containsExactly("42", "2");
        assertThat(count.shards()).containsExactly(102015L);
        assertThat(count.minTasks()).isEqualTo(1);
        assertThat(count.maxTasks()).isEqualTo(1);
        assertThat(count.example().parameters()).containsExactly("42");
        assertThat(count.example().commands()).hasSize(1).allSatisfy(command -> assertThat(command).contains("events_1020"));
        assertThat(count.tests()).contains("com.acme.EventTest.should_count_a_tenants_events()");
    }

    @Test
    void should_put_a_repartition_before_everything_and_a_multi_shard_before_a_router() {
        List<RecordedStatement> statements = new ArrayList<>(ReportFixtures.REAL);
        statements.add(ReportFixtures.repartition());
        StatementReport report = StatementReport.of(List.of(new TestStatements("c", "T", "m", null, statements)));

        List<StatementShape> shapes = report.clusters().get(0).shapes();
        assertThat(shapes.get(0).severity()).isEqualTo(ShapeSeverity.REPARTITION);
        assertThat(shapes.get(0).nodes()).containsExactly("worker-1", "worker-2");
        assertThat(report.worstShape()).contains(shapes.get(0));
        int firstRouter = indexOf(shapes, ShapeSeverity.ROUTER);
        int lastMultiShard = lastIndexOf(shapes, ShapeSeverity.MULTI_SHARD);
        assertThat(lastMultiShard).isPositive().isLessThan(firstRouter);
    }

    @Test
    void should_show_a_shape_of_an_allowed_test_as_allowed_with_the_reason() {
        List<StatementShape> shapes = ReportFixtures.report().clusters().get(0).shapes();

        StatementShape onlyFromReport = shapes.stream()
                .filter(shape -> shape.tests().equals(List.of("com.acme.ReportTest.should_read_every_tenant()")))
                .filter(shape -> shape.severity() == ShapeSeverity.MULTI_SHARD).findFirst()
                .orElseThrow();
        assertThat(onlyFromReport.isAllowed()).isTrue();
        assertThat(onlyFromReport.allowed()).containsExactly(new StatementShape.AllowedTest(
                "com.acme.ReportTest.should_read_every_tenant()", "the monthly report reads every tenant"));
        RecordedStatement fanOut = ReportFixtures.REAL.stream().filter(statement -> statement.kind() == PlanKind.MULTI_SHARD)
                .findFirst().orElseThrow();
        List<TestStatements> tests = new ArrayList<>(ReportFixtures.tests());
        tests.add(new TestStatements(ReportFixtures.CLUSTER, "com.acme.EventTest", "fans_out", null, List.of(fanOut)));
        StatementShape alsoUnallowed = StatementReport.of(tests).clusters().get(0).shapes().stream()
                .filter(shape -> shape.sql().equals(SqlShape.of(fanOut.sql()))).findFirst().orElseThrow();
        assertThat(alsoUnallowed.isAllowed()).as("a test without @AllowMultiShardStatements ran it too").isFalse();
        assertThat(alsoUnallowed.allowed()).hasSize(1);
        assertThat(shapes.stream().filter(shape -> shape.severity().compareTo(ShapeSeverity.ROUTER) >= 0))
                .as("only a statement that fanned out needs allowing").allSatisfy(shape -> assertThat(shape.allowed()).isEmpty());
    }

    @Test
    void should_count_each_test_class_by_kind_and_give_each_cluster_its_section() {
        List<TestStatements> tests = new ArrayList<>(ReportFixtures.tests());
        tests.add(new TestStatements("another cluster", "com.acme.EventTest", "elsewhere", null, ReportFixtures.REAL.subList(0, 3)));
        StatementReport report = StatementReport.of(tests);

        assertThat(report.clusters()).extracting(ClusterSection::cluster).containsExactly("another cluster", ReportFixtures.CLUSTER);
        assertThat(report.clusters().get(0).statements()).isEqualTo(3);
        ClusterSection section = report.clusters().get(1);
        assertThat(section.classes()).extracting(ClassStatements::testClass).containsExactly("com.acme.EventTest", "com.acme.ReportTest");
        ClassStatements events = section.classes().get(0);
        assertThat(events.statements()).isEqualTo(ReportFixtures.REAL.size() / 2);
        assertThat(events.kinds().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(events.statements());
        assertThat(events.kinds()).containsKey(PlanKind.ROUTER);
    }

    @Test
    void should_report_an_empty_run() {
        StatementReport report = StatementReport.of(List.of());

        assertThat(report.statements()).isZero();
        assertThat(report.clusters()).isEmpty();
        assertThat(report.worstShape()).isEmpty();
    }

    private static int indexOf(List<StatementShape> shapes, ShapeSeverity severity) {
        for (int i = 0; i < shapes.size(); i++) {
            if (shapes.get(i).severity() == severity) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<StatementShape> shapes, ShapeSeverity severity) {
        int last = -1;
        for (int i = 0; i < shapes.size(); i++) {
            if (shapes.get(i).severity() == severity) {
                last = i;
            }
        }
        return last;
    }
}

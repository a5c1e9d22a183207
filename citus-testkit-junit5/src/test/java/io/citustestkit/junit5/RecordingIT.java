package io.citustestkit.junit5;

import io.citustestkit.plan.PlanKind;
import io.citustestkit.recording.RecordedStatement;
import io.citustestkit.recording.RecordedStatements;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.engine.TestExecutionResult;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @CitusCluster(recordStatements = true)} gives each test its own statements, and
 * {@code failOnMultiShardStatements = true} fails the tests that fanned out, unless allowed.
 */
@EnabledIfCitusImage
class RecordingIT {

    private static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

    @Test
    void should_give_each_test_only_its_own_statements_also_when_classes_run_in_parallel() {
        EngineExecutionResults results = EngineRuns.runInParallel(FirstRecordingCase.class, SecondRecordingCase.class);

        EngineRuns.assertAllSucceeded(results);
        results.testEvents().assertStatistics(stats -> stats.succeeded(4));
        assertThat(SEEN).hasSize(4).allSatisfy((test, statements) -> assertThat(statements)
                .as("the statements %s saw: its own two, none of another test's", test)
                .containsExactly("INSERT INTO events (owner_id, payload) VALUES (" + Math.abs(test.hashCode() % 1000) + ", '" + test + "')",
                        "SELECT count(*) FROM events WHERE owner_id = " + Math.abs(test.hashCode() % 1000)));
    }

    @Test
    void should_fail_a_test_that_sent_a_multi_shard_statement_and_let_allowed_ones_through() {
        EngineExecutionResults results = EngineRuns.run(GuardCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("@CitusCluster(failOnMultiShardStatements = true): " + GuardCase.class.getName()
                        + ".fansOut() sent statements that fanned out to several shards (or a call Citus delegated to a worker, "
                        + "whose work there is not seen).")
                .hasMessageContaining("@AllowMultiShardStatements(\"why\")")
                .hasMessageContaining("1) SELECT count(*) FROM events\n")
                .hasMessageContaining("4 tasks on worker-1");
    }

    // ---------------------------------------------------------------- fixtures

    /** Writes and reads its own rows, and records what it sent. */
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = TestCluster.SCHEMA,
            dataOnTmpfs = TestCluster.DATA_ON_TMPFS, cleanup = TableCleanup.NONE, recordStatements = true)
    abstract static class RecordingCase {

        @Test
        void first(DataSource dataSource, RecordedStatements statements) {
            sendAndRemember("first", dataSource, statements);
        }

        @Test
        void second(DataSource dataSource, RecordedStatements statements) {
            sendAndRemember("second", dataSource, statements);
        }

        private void sendAndRemember(String method, DataSource dataSource, RecordedStatements statements) {
            String test = getClass().getSimpleName() + "." + method;
            long owner = Math.abs(test.hashCode() % 1000);
            Sql.execute(dataSource, "INSERT INTO events (owner_id, payload) VALUES (" + owner + ", '" + test + "')");
            Sql.queryLong(dataSource, "SELECT count(*) FROM events WHERE owner_id = " + owner);
            List<RecordedStatement> recorded = statements.all();
            assertThat(recorded).extracting(RecordedStatement::kind).containsOnly(PlanKind.ROUTER);
            SEEN.put(test, recorded.stream().map(RecordedStatement::sql).toList());
        }
    }

    static class FirstRecordingCase extends RecordingCase {
    }

    static class SecondRecordingCase extends RecordingCase {
    }

    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = TestCluster.SCHEMA,
            dataOnTmpfs = TestCluster.DATA_ON_TMPFS, failOnMultiShardStatements = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class GuardCase {

        @Test
        @Order(1)
        void staysInOneTenant(DataSource dataSource) {
            Sql.queryLong(dataSource, "SELECT count(*) FROM events WHERE owner_id = 7");
        }

        @Test
        @Order(2)
        void fansOut(DataSource dataSource) {
            Sql.queryLong(dataSource, "SELECT count(*) FROM events");
        }

        @Test
        @Order(3)
        @AllowMultiShardStatements("the report over every tenant")
        void reportsOverAllTenants(DataSource dataSource) {
            Sql.queryLong(dataSource, "SELECT count(*) FROM events");
        }
    }
}

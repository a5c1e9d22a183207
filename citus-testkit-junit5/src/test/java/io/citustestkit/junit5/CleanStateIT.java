package io.citustestkit.junit5;

import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clean-state modes, run one class after the other on one shared cluster. The fixtures assert
 * what each test sees; a failing fixture assertion is reported with its message.
 */
@EnabledIfCitusImage
class CleanStateIT {

    private static EngineExecutionResults results;

    @BeforeAll
    static void runFixtures() {
        results = EngineRuns.run(KeepingDataCase.class, TruncatingCase.class, RestartingSequencesCase.class,
                AfterTruncationCase.class);
    }

    @Test
    void should_run_every_fixture_test() {
        results.testEvents().assertStatistics(stats -> stats.started(7));
    }

    @Test
    void should_keep_rows_between_tests_with_cleanup_NONE() {
        EngineRuns.assertSucceeded(results, KeepingDataCase.class);
    }

    @Test
    void should_empty_distributed_reference_and_citus_local_tables_between_tests_and_keep_sequences_by_default() {
        EngineRuns.assertSucceeded(results, TruncatingCase.class);
    }

    @Test
    void should_restart_sequences_with_TRUNCATE_AND_RESTART_SEQUENCES() {
        EngineRuns.assertSucceeded(results, RestartingSequencesCase.class);
    }

    @Test
    void should_leave_empty_tables_after_the_last_truncating_test() {
        EngineRuns.assertSucceeded(results, AfterTruncationCase.class);
    }

    private static void insertOneRowEverywhere(DataSource dataSource) {
        Sql.execute(dataSource, "INSERT INTO event_types (id, name) VALUES (1, 'click')");
        Sql.execute(dataSource, "INSERT INTO audit_log (type_id, note) VALUES (1, 'clicked')");
    }

    private static void assertEmpty(DataSource dataSource) {
        assertThat(Sql.count(dataSource, "events")).as("distributed table events").isZero();
        assertThat(Sql.count(dataSource, "event_types")).as("reference table event_types").isZero();
        assertThat(Sql.count(dataSource, "audit_log")).as("Citus-local table audit_log").isZero();
    }

    // ---------------------------------------------------------------- fixtures

    @Order(1)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = TestCluster.SCHEMA,
            dataOnTmpfs = TestCluster.DATA_ON_TMPFS, cleanup = TableCleanup.NONE)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class KeepingDataCase {

        @Test
        @Order(1)
        void writes(DataSource dataSource) {
            insertOneRowEverywhere(dataSource);
            Sql.insertEvent(dataSource, 7);
        }

        @Test
        @Order(2)
        void sees_the_rows_of_the_previous_test(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "events")).isEqualTo(1);
            assertThat(Sql.count(dataSource, "audit_log")).isEqualTo(1);
        }
    }

    @Order(2)
    @TestCluster
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class TruncatingCase {

        static long lastId;

        @Test
        @Order(1)
        void starts_empty_although_the_previous_class_kept_its_rows(DataSource dataSource) {
            assertEmpty(dataSource);
            insertOneRowEverywhere(dataSource);
            lastId = Sql.insertEvent(dataSource, 7);
        }

        @Test
        @Order(2)
        void starts_empty_and_sequences_keep_counting(DataSource dataSource) {
            assertEmpty(dataSource);
            assertThat(Sql.insertEvent(dataSource, 7)).isGreaterThan(lastId);
        }
    }

    @Order(3)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = TestCluster.SCHEMA,
            dataOnTmpfs = TestCluster.DATA_ON_TMPFS, cleanup = TableCleanup.TRUNCATE_AND_RESTART_SEQUENCES)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class RestartingSequencesCase {

        @Test
        @Order(1)
        void starts_empty_with_restarted_sequences_although_the_previous_class_moved_them(DataSource dataSource) {
            assertEmpty(dataSource);
            assertThat(Sql.insertEvent(dataSource, 7)).isEqualTo(1);
            assertThat(Sql.insertEvent(dataSource, 7)).isEqualTo(2);
        }

        @Test
        @Order(2)
        void starts_empty_with_restarted_sequences(DataSource dataSource) {
            assertEmpty(dataSource);
            assertThat(Sql.insertEvent(dataSource, 7)).isEqualTo(1);
            assertThat(Sql.queryLong(dataSource, "INSERT INTO audit_log (note) VALUES ('x') RETURNING id")).isEqualTo(1);
        }
    }

    @Order(4)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = TestCluster.SCHEMA,
            dataOnTmpfs = TestCluster.DATA_ON_TMPFS, cleanup = TableCleanup.NONE)
    static class AfterTruncationCase {

        @Test
        void finds_empty_tables(DataSource dataSource) {
            assertEmpty(dataSource);
        }
    }
}

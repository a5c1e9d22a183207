package io.citustestkit.junit5;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.citustestkit.CitusNode;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default clean state restores the rows the schema left ({@code seeded-schema.sql}: a reference
 * table, a distributed table, a Citus-local table with an identity column and a distributed schema's
 * table, all with rows, and one distributed table left empty), in the first test and after tests that
 * deleted, changed and added rows, next to the modes that empty the tables and restart sequences; the
 * same on a cluster started from the snapshot the first run made; and past catalog rows whose relation
 * no longer exists, with both cleanup strategies. The fixtures assert what each test sees.
 */
@EnabledIfCitusImage
class SeededCleanStateIT {

    static final String SCHEMA = "classpath:io/citustestkit/junit5/seeded-schema.sql";

    /** The rows seeded-schema.sql leaves, table by table, as {@link #rows} renders them. */
    static final Map<String, String> SEEDED = Map.of(
            "plans", "1|free|FREE, 2|pro|PRO",
            "accounts", "1|1|2|account 1, 2|2|1|account 2, 3|3|2|account 3, 4|4|1|account 4, 5|5|2|account 5, 6|6|1|account 6",
            "settings", "1|1|dark mode",
            "tenant_a.notes", "1|first, 2|second",
            "orders", "");

    private static EngineExecutionResults results;
    private static EngineExecutionResults fromSnapshot;
    private static final List<String> startLog = new ArrayList<>();

    @BeforeAll
    static void runFixtures() {
        results = EngineRuns.run(RestoringCase.class, RestartingSequencesCase.class, TruncatingCase.class,
                RestoringAfterTruncationCase.class, KeepingDataCase.class, DanglingCatalogCase.class,
                StoppedNodeCase.class);
        Logger logger = (Logger) LoggerFactory.getLogger("io.citustestkit.ClusterBoot");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            fromSnapshot = EngineRuns.run(FromSnapshotCase.class);
        } finally {
            logger.detachAppender(appender);
            appender.list.forEach(event -> startLog.add(event.getFormattedMessage()));
        }
    }

    @Test
    void should_run_every_fixture_test() {
        results.testEvents().assertStatistics(stats -> stats.started(12));
    }

    @Test
    void should_restore_seeded_reference_distributed_citus_local_and_schema_tables_after_deletes_changes_and_inserts() {
        EngineRuns.assertSucceeded(results, RestoringCase.class);
    }

    @Test
    void should_reset_sequences_to_where_the_schema_left_them_with_RESTORE_AND_RESTART_SEQUENCES() {
        EngineRuns.assertSucceeded(results, RestartingSequencesCase.class);
    }

    @Test
    void should_empty_seeded_tables_too_with_TRUNCATE() {
        EngineRuns.assertSucceeded(results, TruncatingCase.class);
    }

    @Test
    void should_restore_the_seeded_rows_after_a_class_emptied_the_tables() {
        EngineRuns.assertSucceeded(results, RestoringAfterTruncationCase.class);
        EngineRuns.assertSucceeded(results, KeepingDataCase.class);
    }

    @Test
    void should_skip_catalog_rows_whose_relation_is_gone_with_both_strategies() {
        EngineRuns.assertSucceeded(results, DanglingCatalogCase.class);
    }

    @Test
    void should_fail_the_restore_naming_the_node_that_is_stopped() {
        Throwable failure = EngineRuns.failureOf(results, StoppedNodeCase.class);

        assertThat(failure).hasMessageStartingWith("Could not restore the Citus tables to the rows the schema left after "
                        + StoppedNodeCase.class.getName() + ".stops_a_worker()")
                .hasMessageContaining("\n  on node worker-1: ");
    }

    @Test
    void should_restore_the_seeded_rows_on_a_cluster_started_from_a_snapshot() {
        assertThat(startLog).as("the second run's cluster started from the snapshot the first run made")
                .anySatisfy(line -> assertThat(line).contains("from snapshot"));
        fromSnapshot.testEvents().assertStatistics(stats -> stats.started(2));
        EngineRuns.assertSucceeded(fromSnapshot, FromSnapshotCase.class);
    }

    /** Every table's rows, ordered as text, as "col|col|col, ..."; "" for an empty table. */
    static Map<String, String> rows(DataSource dataSource) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("plans", rows(dataSource, "SELECT id || '|' || name || '|' || code AS r FROM plans ORDER BY id"));
        rows.put("accounts", rows(dataSource, "SELECT owner_id || '|' || id || '|' || plan_id || '|' || name AS r FROM accounts ORDER BY owner_id, id"));
        rows.put("settings", rows(dataSource, "SELECT id || '|' || plan_id || '|' || value AS r FROM settings ORDER BY id"));
        rows.put("tenant_a.notes", rows(dataSource, "SELECT id || '|' || body AS r FROM tenant_a.notes ORDER BY id"));
        rows.put("orders", rows(dataSource, "SELECT owner_id || '|' || id || '|' || note AS r FROM orders ORDER BY owner_id, id"));
        return rows;
    }

    private static String rows(DataSource dataSource, String query) {
        return Sql.queryString(dataSource, "SELECT coalesce(string_agg(r, ', ' ORDER BY r), '') FROM (" + query + ") q");
    }

    static void assertSeeded(DataSource dataSource) {
        assertThat(rows(dataSource)).as("the rows the schema left").containsExactlyInAnyOrderEntriesOf(SEEDED);
    }

    static void assertEmpty(DataSource dataSource) {
        assertThat(rows(dataSource).values()).as("every table empty").containsOnly("");
    }

    // ---------------------------------------------------------------- fixtures

    @Order(1)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = SCHEMA)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class RestoringCase {

        @Test
        @Order(1)
        void finds_the_seeded_rows_in_the_first_test_and_deletes_them(DataSource dataSource) {
            assertSeeded(dataSource);
            Sql.execute(dataSource, "DELETE FROM accounts");
            Sql.execute(dataSource, "DELETE FROM settings");
            Sql.execute(dataSource, "DELETE FROM plans WHERE id = 2");
            Sql.execute(dataSource, "DELETE FROM tenant_a.notes WHERE id = 1");
            assertThat(rows(dataSource)).containsEntry("accounts", "").containsEntry("plans", "1|free|FREE");
        }

        @Test
        @Order(2)
        void finds_them_back_after_deletes_and_changes_them(DataSource dataSource) {
            assertSeeded(dataSource);
            Sql.execute(dataSource, "UPDATE accounts SET name = 'changed' WHERE owner_id IN (1, 4)");
            Sql.execute(dataSource, "UPDATE plans SET name = 'changed' WHERE id = 1");
            Sql.execute(dataSource, "UPDATE settings SET value = 'changed'");
            Sql.execute(dataSource, "UPDATE tenant_a.notes SET body = 'changed'");
            assertThat(rows(dataSource)).containsEntry("settings", "1|1|changed");
        }

        @Test
        @Order(3)
        void finds_them_unchanged_after_changes_and_adds_rows_and_a_table(DataSource dataSource) {
            assertSeeded(dataSource);
            Sql.execute(dataSource, "INSERT INTO plans (id, name) VALUES (3, 'team')");
            Sql.execute(dataSource, "INSERT INTO accounts (owner_id, plan_id, name) SELECT g, 3, 'new' FROM generate_series(1, 20) g");
            Sql.execute(dataSource, "INSERT INTO orders (owner_id, note) VALUES (1, 'order')");
            Sql.execute(dataSource, "INSERT INTO settings (plan_id, value) VALUES (3, 'new')");
            Sql.execute(dataSource, "INSERT INTO tenant_a.notes VALUES (3, 'third')");
            Sql.execute(dataSource, "CREATE TABLE scratch (owner_id bigint NOT NULL, note text)");
            Sql.execute(dataSource, "SELECT create_distributed_table('scratch', 'owner_id')");
            Sql.execute(dataSource, "INSERT INTO scratch VALUES (1, 'test row')");
            assertThat(Sql.count(dataSource, "accounts")).isEqualTo(26);
        }

        @Test
        @Order(4)
        void finds_only_the_seeded_rows_after_rows_were_added_and_an_empty_table_the_test_created(DataSource dataSource) {
            assertSeeded(dataSource);
            assertThat(Sql.count(dataSource, "scratch")).as("a table the previous test created and filled").isZero();
            Sql.execute(dataSource, "DROP TABLE scratch");
        }
    }

    @Order(2)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = SCHEMA,
            cleanup = TableCleanup.RESTORE_AND_RESTART_SEQUENCES)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class RestartingSequencesCase {

        @Test
        @Order(1)
        void continues_the_sequences_where_the_schema_left_them_although_the_previous_class_moved_them(DataSource dataSource) {
            assertSeeded(dataSource);
            assertThat(Sql.queryLong(dataSource, "INSERT INTO accounts (owner_id, plan_id) VALUES (9, 1) RETURNING id")).isEqualTo(7);
            assertThat(Sql.queryLong(dataSource, "INSERT INTO settings (plan_id) VALUES (1) RETURNING id")).isEqualTo(2);
        }

        @Test
        @Order(2)
        void continues_them_there_again(DataSource dataSource) {
            assertSeeded(dataSource);
            assertThat(Sql.queryLong(dataSource, "INSERT INTO accounts (owner_id, plan_id) VALUES (9, 1) RETURNING id")).isEqualTo(7);
            assertThat(Sql.queryLong(dataSource, "INSERT INTO settings (plan_id) VALUES (1) RETURNING id")).isEqualTo(2);
        }
    }

    @Order(3)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = SCHEMA,
            cleanup = TableCleanup.TRUNCATE)
    static class TruncatingCase {

        @Test
        void finds_every_table_empty_the_seeded_ones_too(DataSource dataSource) {
            assertEmpty(dataSource);
            Sql.execute(dataSource, "INSERT INTO plans (id, name) VALUES (7, 'truncating')");
        }
    }

    @Order(4)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = SCHEMA)
    static class RestoringAfterTruncationCase {

        @Test
        void finds_the_seeded_rows_back_after_a_class_emptied_every_table(DataSource dataSource) {
            assertSeeded(dataSource);
            Sql.execute(dataSource, "DELETE FROM tenant_a.notes");
        }
    }

    @Order(5)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = SCHEMA,
            cleanup = TableCleanup.NONE)
    static class KeepingDataCase {

        @Test
        void finds_the_seeded_rows_the_last_restoring_test_left(DataSource dataSource) {
            assertSeeded(dataSource);
        }
    }

    @Order(6)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = SCHEMA)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DanglingCatalogCase {

        static final long SHARD_ID = 987_654_321L;
        static final Map<String, Long> danglingOids = new LinkedHashMap<>();

        @Test
        @Order(1)
        void leaves_catalog_rows_of_a_dropped_relation_on_every_node_as_Citus_regression_SQL_does(CitusTestCluster cluster,
                                                                                                   DataSource dataSource) {
            for (CitusNode node : nodes(cluster)) {
                danglingOids.put(node.name(), leaveDanglingRows(cluster, node));
            }
            Sql.execute(dataSource, "INSERT INTO plans (id, name) VALUES (8, 'dangling')");
            assertThatThrownBy(() -> Sql.execute(dataSource, "SELECT shard_name(logicalrelid, shardid) FROM pg_dist_shard"))
                    .as("the catalog holds a row whose relation is gone")
                    .hasMessageContaining("does not reference a valid relation");
            // the extension's own restore runs after this test, past those rows
        }

        @Test
        @Order(2)
        void restores_and_empties_with_both_strategies_past_those_rows(CitusTestCluster cluster, DataSource dataSource) {
            try {
                assertSeeded(dataSource);
                try (PerNodeCleanup perNode = new PerNodeCleanup(cluster);
                     CoordinatorTruncate coordinator = new CoordinatorTruncate(dataSource, true)) {
                    perNode.remember("in DanglingCatalogCase");
                    coordinator.remember("in DanglingCatalogCase");
                    Sql.execute(dataSource, "INSERT INTO plans (id, name) VALUES (8, 'dangling')");
                    perNode.clean(true, true, "in DanglingCatalogCase");
                    assertSeeded(dataSource);
                    Sql.execute(dataSource, "INSERT INTO plans (id, name) VALUES (8, 'dangling')");
                    coordinator.clean(true, true, "in DanglingCatalogCase");
                    assertSeeded(dataSource);
                    perNode.clean(false, true, "in DanglingCatalogCase");
                    assertEmpty(dataSource);
                    coordinator.clean(false, false, "in DanglingCatalogCase");
                    assertEmpty(dataSource);
                }
            } finally {
                for (CitusNode node : nodes(cluster)) {
                    removeDanglingRows(cluster, node, danglingOids.get(node.name()));
                }
            }
        }

        private static List<CitusNode> nodes(CitusTestCluster cluster) {
            List<CitusNode> nodes = new ArrayList<>();
            nodes.add(cluster.coordinator());
            nodes.addAll(cluster.workers());
            return nodes;
        }

        /** A relation made and dropped, then named by pg_dist_partition and pg_dist_shard rows; its oid. */
        private static long leaveDanglingRows(CitusTestCluster cluster, CitusNode node) {
            return onNode(cluster, node, statement -> {
                statement.execute("SET citus.enable_ddl_propagation = off");
                statement.execute("CREATE TABLE dangling_source (id int)");
                var rs = statement.executeQuery("SELECT 'dangling_source'::regclass::oid::bigint");
                rs.next();
                long oid = rs.getLong(1);
                statement.execute("DROP TABLE dangling_source");
                statement.execute("INSERT INTO pg_dist_partition (logicalrelid, partmethod, partkey, colocationid, repmodel) "
                        + "VALUES (" + oid + ", 'n', NULL, 0, 't')");
                statement.execute("INSERT INTO pg_dist_shard (logicalrelid, shardid, shardstorage, shardminvalue, shardmaxvalue) "
                        + "VALUES (" + oid + ", " + SHARD_ID + ", 't', NULL, NULL)");
                return oid;
            });
        }

        private static void removeDanglingRows(CitusTestCluster cluster, CitusNode node, Long oid) {
            if (oid == null) {
                return;
            }
            onNode(cluster, node, statement -> {
                statement.execute("DELETE FROM pg_dist_shard WHERE shardid = " + SHARD_ID);
                statement.execute("DELETE FROM pg_dist_partition WHERE logicalrelid = " + oid);
                return oid;
            });
        }

        private interface NodeWork {
            long run(Statement statement) throws SQLException;
        }

        private static long onNode(CitusTestCluster cluster, CitusNode node, NodeWork work) {
            Properties properties = new Properties();
            properties.setProperty("user", cluster.username());
            properties.setProperty("password", cluster.password());
            try (Connection connection = DriverManager.getConnection(node.jdbcUrl(), properties);
                 Statement statement = connection.createStatement()) {
                return work.run(statement);
            } catch (SQLException e) {
                throw new IllegalStateException("on " + node.name() + ": " + e.getMessage(), e);
            }
        }
    }

    @Order(7)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = SCHEMA)
    static class StoppedNodeCase {

        @Test
        void stops_a_worker(CitusTestCluster cluster, DataSource dataSource) {
            Sql.execute(dataSource, "DELETE FROM tenant_a.notes");
            cluster.workers().get(0).stop(); // the restore after this test fails, and names the node
        }
    }

    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = SCHEMA)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FromSnapshotCase {

        @Test
        @Order(1)
        void finds_the_seeded_rows_and_changes_them(DataSource dataSource) {
            assertSeeded(dataSource);
            Sql.execute(dataSource, "UPDATE accounts SET name = 'changed'");
            Sql.execute(dataSource, "UPDATE plans SET name = 'changed' WHERE id = 2");
            Sql.execute(dataSource, "DELETE FROM tenant_a.notes WHERE id = 1");
            Sql.execute(dataSource, "INSERT INTO tenant_a.notes VALUES (5, 'fifth')");
        }

        @Test
        @Order(2)
        void finds_them_back(DataSource dataSource) {
            assertSeeded(dataSource);
        }
    }
}

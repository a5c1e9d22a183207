package io.citustestkit.assertions;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.metadata.CitusNotInstalledException;
import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.citustestkit.assertions.CitusAssertions.assertMultiShard;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The query assertions against a live 2-worker cluster with 4 shards per table, the schema of the
 * recorded plans ({@code assertions-it-schema.sql}), passing and failing.
 */
@EnabledIfCitusImage
class QueryAssertionsIT {

    private static CitusTestCluster cluster;
    private static DataSource dataSource;

    @BeforeAll
    static void startCluster() {
        cluster = CitusTestCluster.builder().workers(2).shardCount(4).schema("classpath:assertions-it-schema.sql")
                .start();
        dataSource = cluster.dataSource();
    }

    @AfterAll
    static void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void should_pass_for_a_tenant_query_with_a_bound_parameter() {
        assertRoutedToSingleWorker(dataSource, "SELECT * FROM events WHERE owner_id = ?", 42L);
        assertRoutedToSingleWorker(dataSource, "SELECT * FROM audit_log WHERE tenant = ?", "acme");
        assertThatQuery(dataSource, "SELECT u.email, count(*) FROM users u JOIN events e ON u.id = e.owner_id"
                + " WHERE u.id = ? GROUP BY u.email", 123L)
                .isRoutedToSingleWorker()
                .touchesShards(1)
                .touchesWorkers(1)
                .hasNoSubplans()
                .hasNoRepartition()
                .isClassifiedAs(PlanKind.ROUTER);
    }

    @Test
    void should_pass_for_a_tenant_query_joining_a_reference_table() {
        assertThatQuery(dataSource, "SELECT et.name, count(*) FROM events e JOIN event_types et"
                + " ON e.event_type = et.name WHERE e.owner_id = ? GROUP BY et.name", 5L)
                .isRoutedToSingleWorker()
                .touchesShards(2);
    }

    @Test
    void should_fail_when_query_fans_out_to_all_shards() {
        // WHEN
        AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertRoutedToSingleWorker(dataSource, "SELECT count(*) FROM events"));
        // THEN
        assertThat(error).hasMessageContaining("Expecting query:%n  SELECT count(*) FROM events%n".formatted())
                .hasMessageContaining("but it runs as 4 tasks on 2 workers: worker-1 2, worker-2 2.")
                .hasMessageContaining("Classification: MULTI_SHARD")
                .hasMessageContaining("Task Count: 4 (worker-1 2, worker-2 2)");
    }

    @Test
    void should_fail_for_a_multi_row_insert_across_tenants_without_inserting() throws SQLException {
        // GIVEN
        long before = count("SELECT count(*) FROM events");
        String insert = "INSERT INTO events (owner_id, event_type) VALUES (?, 'a'), (?, 'b'), (?, 'c')";
        // WHEN
        AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertRoutedToSingleWorker(dataSource, insert, 1L, 2L, 3L));
        // THEN
        assertThat(error).hasMessageContaining("with parameters:%n  [1L, 2L, 3L]".formatted())
                .hasMessageContaining("but it runs as 3 tasks on 2 workers")
                .hasMessageContaining("Classification: MULTI_SHARD");
        assertThat(count("SELECT count(*) FROM events")).as("rows after explaining the INSERT").isEqualTo(before);
    }

    @Test
    void should_never_execute_the_writes_it_checks() throws SQLException {
        // GIVEN
        long events = count("SELECT count(*) FROM events");
        long tenantSeven = count("SELECT count(*) FROM events WHERE owner_id = 7 AND event_type = 'login'");
        // WHEN
        assertRoutedToSingleWorker(dataSource, "INSERT INTO events (owner_id, event_type) VALUES (?, 'x')", 7L);
        assertRoutedToSingleWorker(dataSource, "UPDATE events SET event_type = 'x' WHERE owner_id = ?", 7L);
        assertRoutedToSingleWorker(dataSource, "DELETE FROM events WHERE owner_id = ?", 7L);
        assertMultiShard(dataSource, "DELETE FROM events");
        assertMultiShard(dataSource, "UPDATE events SET event_type = 'y'");
        // THEN
        assertThat(count("SELECT count(*) FROM events")).as("rows of events").isEqualTo(events);
        assertThat(count("SELECT count(*) FROM events WHERE owner_id = 7 AND event_type = 'login'"))
                .as("tenant 7's login events").isEqualTo(tenantSeven);
    }

    @Test
    void should_fail_when_a_cte_runs_as_a_multi_shard_subplan() {
        // GIVEN
        String sql = "WITH top AS (SELECT owner_id FROM events GROUP BY owner_id ORDER BY count(*) DESC LIMIT 5)"
                + " SELECT * FROM users WHERE id IN (SELECT owner_id FROM top)";
        // WHEN / THEN
        assertThatThrownBy(() -> assertRoutedToSingleWorker(dataSource, sql))
                .hasMessageContaining("but it runs 1 distributed subplan first: subplan 1 runs as 4 tasks on 2 workers:"
                        + " worker-1 2, worker-2 2; then the main query runs as 4 tasks")
                .hasMessageContaining("Classification: RECURSIVE");
        assertThatThrownBy(() -> assertThatQuery(dataSource, sql).hasNoSubplans())
                .hasMessageContaining("to have no distributed subplan");
        assertThatQuery(dataSource, sql).isClassifiedAs(PlanKind.RECURSIVE).hasNoRepartition().touchesShards(4);
    }

    @Test
    void should_pass_for_a_router_cte_that_postgres_inlines() {
        assertRoutedToSingleWorker(dataSource, "WITH e AS (SELECT * FROM events WHERE owner_id = ?) SELECT count(*) FROM e",
                3L);
    }

    @Test
    void should_fail_when_the_filters_prune_every_shard() {
        assertThatThrownBy(() -> assertRoutedToSingleWorker(dataSource,
                "SELECT * FROM events WHERE owner_id = ? AND owner_id = ?", 1L, 2L))
                .hasMessageContaining("but it was pruned to zero shards")
                .hasMessageContaining("Classification: ZERO_TASK");
        assertThatQuery(dataSource, "SELECT * FROM events WHERE owner_id = 1 AND owner_id = 2")
                .isClassifiedAs(PlanKind.ZERO_TASK).touchesShards(0).touchesWorkers(0);
    }

    @Test
    void should_not_count_a_reference_table_query_on_the_coordinator_as_routed_to_a_worker() {
        assertThatThrownBy(() -> assertRoutedToSingleWorker(dataSource, "SELECT * FROM event_types WHERE id = ?", 1L))
                .hasMessageContaining("but it is a reference table query: its single task runs on coordinator and"
                        + " reads or writes event_types")
                .hasMessageContaining("use isClassifiedAs(PlanKind.REFERENCE_TABLE)");
        assertThatQuery(dataSource, "INSERT INTO event_types (name) VALUES (?)", "z")
                .isClassifiedAs(PlanKind.REFERENCE_TABLE);
    }

    @Test
    void should_pass_for_a_multi_shard_query_joining_a_reference_table() {
        assertThatQuery(dataSource, "SELECT et.name, count(*) FROM events e JOIN event_types et"
                + " ON e.event_type = et.name GROUP BY et.name")
                .isMultiShard()
                .isClassifiedAs(PlanKind.MULTI_SHARD_WITH_REFERENCE_JOIN)
                .touchesShards(5)
                .touchesWorkers(2);
    }

    @Test
    void should_fail_is_multi_shard_for_a_router_query() {
        assertThatThrownBy(() -> assertMultiShard(dataSource, "SELECT * FROM events WHERE owner_id = ?", 9L))
                .hasMessageContaining("to be a multi-shard query")
                .hasMessageContaining("but it runs as 1 task on worker-");
    }

    @Test
    void should_fail_touches_shards_and_workers_with_the_actual_counts() {
        assertThatThrownBy(() -> assertThatQuery(dataSource, "SELECT * FROM events WHERE owner_id IN (?, ?)", 1L, 2L)
                .touchesShards(1))
                .hasMessageContaining("to touch 1 shard")
                .hasMessageContaining("but it touches 2 shards: events_");
        assertThatThrownBy(() -> assertThatQuery(dataSource, "SELECT count(*) FROM users").touchesWorkers(1))
                .hasMessageContaining("to run its tasks on 1 node")
                .hasMessageContaining("but they run on 2: worker-1:5432, worker-2:5432");
    }

    @Test
    void should_say_how_to_enable_a_repartition_join_the_server_refuses() {
        // GIVEN
        String join = "SELECT count(*) FROM orders o JOIN products p ON o.product_id = p.id";
        // WHEN
        AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertThatQuery(dataSource, join).hasNoRepartition());
        // THEN
        assertThat(error).hasMessageContaining("Expecting the server to plan query:")
                .hasMessageContaining("ERROR: the query contains a join that requires repartitioning (SQLSTATE ")
                .hasMessageContaining("HINT: Set citus.enable_repartition_joins to on to enable repartitioning")
                .hasMessageContaining("withSetting(\"citus.enable_repartition_joins\", \"on\")")
                .hasCauseInstanceOf(PSQLException.class);
    }

    @Test
    void should_classify_a_repartition_join_with_the_setting_on() {
        // GIVEN
        String join = "SELECT count(*) FROM orders o JOIN products p ON o.product_id = p.id";
        // WHEN / THEN
        assertThatQuery(dataSource, join)
                .withSetting("citus.enable_repartition_joins", "on")
                .isClassifiedAs(PlanKind.REPARTITION);
        assertThatThrownBy(() -> assertThatQuery(dataSource, join)
                .withSetting("citus.enable_repartition_joins", "on")
                .hasNoRepartition())
                .hasMessageContaining("but it is a repartition join: 2 dependent map/merge jobs")
                .hasMessageContaining("Dependent Job: map 4 tasks, merge");
    }

    @Test
    void should_use_the_session_settings_of_a_given_connection() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET citus.enable_repartition_joins = on");
            assertThatQuery(connection, "SELECT count(*) FROM orders o JOIN products p ON o.product_id = p.id")
                    .isClassifiedAs(PlanKind.REPARTITION);
            statement.execute("RESET citus.enable_repartition_joins");
        }
    }

    @Test
    void should_leave_a_given_connection_in_its_transaction_and_settings() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // GIVEN a transaction that inserted a row
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO audit_log (tenant, msg) VALUES ('initech', 'in a transaction')");
            // WHEN
            assertRoutedToSingleWorker(connection, "DELETE FROM audit_log WHERE tenant = ?", "initech");
            // THEN the transaction and its row are intact, and explain_all_tasks is back to its default
            assertThat(connection.getAutoCommit()).isFalse();
            try (ResultSet rows = statement.executeQuery("SELECT count(*), current_setting('citus.explain_all_tasks')"
                    + " FROM audit_log WHERE tenant = 'initech'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
                assertThat(rows.getString(2)).isEqualTo("off");
            }
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void should_classify_an_insert_select_of_each_method() {
        // pushed down: colocated, every column given, so nothing is evaluated on the coordinator
        assertThatQuery(dataSource, "INSERT INTO user_sessions (id, owner_id, session_token)"
                + " SELECT id, owner_id, 'x' FROM events")
                .isMultiShard().hasNoRepartition();
        assertRoutedToSingleWorker(dataSource, "INSERT INTO user_sessions (id, owner_id, session_token)"
                + " SELECT id, owner_id, 'x' FROM events WHERE owner_id = ?", 9L);
        // repartitioned: the target is distributed by another column than the source
        assertThatQuery(dataSource, "INSERT INTO products (id, name) SELECT id, event_type FROM events")
                .isClassifiedAs(PlanKind.REPARTITION);
        // pulled to the coordinator: a LIMIT must be applied there (Citus cannot EXPLAIN it with bound
        // parameters: the runner explains it again with the parameters inlined)
        assertThatQuery(dataSource, "INSERT INTO events (owner_id, event_type) SELECT id, email FROM users"
                + " WHERE id > ? ORDER BY id LIMIT 10", 5L)
                .isClassifiedAs(PlanKind.PULL_TO_COORDINATOR);
        assertThatQuery(dataSource, "INSERT INTO products (id, name) SELECT id, event_type FROM events"
                + " WHERE owner_id = ? AND event_type <> ?", 5L, "it's")
                .isClassifiedAs(PlanKind.PULL_TO_COORDINATOR)
                .touchesShards(1);
        // the target's bigserial default is evaluated on the coordinator, even for one tenant
        assertThatThrownBy(() -> assertRoutedToSingleWorker(dataSource, "INSERT INTO user_sessions"
                + " (owner_id, session_token) SELECT owner_id, 'x' FROM events WHERE owner_id = ?", 9L))
                .hasMessageContaining("but its INSERT ... SELECT uses method pull to coordinator: the SELECT runs as"
                        + " 1 task on worker-")
                .hasMessageContaining("INSERT/SELECT method: pull to coordinator");
        assertThatThrownBy(() -> assertThatQuery(dataSource, "INSERT INTO products (id, name)"
                + " SELECT id, event_type FROM events").hasNoRepartition())
                .hasMessageContaining("but its INSERT ... SELECT uses method repartition");
    }

    @Test
    void should_classify_a_merge_that_repartitions() {
        assertThatQuery(dataSource, "MERGE INTO products p USING (SELECT id, event_type FROM events) e ON p.id = e.id"
                + " WHEN NOT MATCHED THEN INSERT VALUES (e.id, e.event_type)")
                .isClassifiedAs(PlanKind.REPARTITION);
    }

    @Test
    void should_classify_queries_on_plain_and_citus_local_tables() {
        assertThatQuery(dataSource, "SELECT * FROM app_settings").isClassifiedAs(PlanKind.LOCAL);
        assertThatQuery(dataSource, "SELECT * FROM local_notes WHERE id = ?", 1L)
                .isClassifiedAs(PlanKind.CITUS_LOCAL_TABLE);
        assertThatThrownBy(() -> assertRoutedToSingleWorker(dataSource, "SELECT * FROM app_settings"))
                .hasMessageContaining("but it has no Citus scan");
    }

    @Test
    void should_fail_with_the_server_error_position_and_hint_for_a_bad_column() {
        // GIVEN
        String sql = "SELECT u.email, count(*) AS event_count FROM users u JOIN events e ON u.id = e.owner_id"
                + " WHERE u.owner_id = ? GROUP BY u.email";
        // WHEN
        AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertRoutedToSingleWorker(dataSource, sql, 123L));
        // THEN
        assertThat(error).hasMessageContaining("ERROR: column u.owner_id does not exist (SQLSTATE 42703)")
                .hasMessageContaining("at character 95:")
                .hasMessageContaining("HINT: Perhaps you meant to reference the column \"e.owner_id\".")
                .hasCauseInstanceOf(PSQLException.class);
    }

    @Test
    void should_say_the_citus_extension_is_missing_on_a_plain_postgres_database() throws SQLException {
        // GIVEN a database without the citus extension on the coordinator
        cluster.execute("CREATE DATABASE plain_postgres");
        String url = cluster.coordinator().jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/plain_postgres$1");
        try (Connection plain = DriverManager.getConnection(url, cluster.username(), cluster.password())) {
            // WHEN / THEN
            assertThatThrownBy(() -> assertRoutedToSingleWorker(plain, "SELECT 1"))
                    .isInstanceOf(CitusNotInstalledException.class)
                    .hasMessageContaining("The citus extension is not installed in database \"plain_postgres\"")
                    .hasMessageContaining("/plain_postgres");
            assertThatThrownBy(() -> CitusAssertions.assertDistributedBy(plain, "events", "owner_id"))
                    .isInstanceOf(CitusNotInstalledException.class)
                    .hasMessageContaining("The citus extension is not installed in database \"plain_postgres\"");
        }
    }

    @Test
    void should_explain_once_per_assertion_object() {
        // GIVEN
        QueryAssert query = assertThatQuery(dataSource, "SELECT * FROM events WHERE owner_id = ?", 11L);
        // WHEN
        DistributedPlan first = query.isRoutedToSingleWorker().plan();
        DistributedPlan second = query.touchesShards(1).plan();
        // THEN
        assertThat(second).isSameAs(first);
    }

    @Test
    void should_take_a_few_milliseconds_per_assertion_on_a_warm_cluster() {
        // GIVEN a warm pool and plan cache
        for (int i = 0; i < 50; i++) {
            assertRoutedToSingleWorker(dataSource, "SELECT * FROM events WHERE owner_id = ?", (long) i);
        }
        // WHEN
        long[] nanos = new long[300];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            assertRoutedToSingleWorker(dataSource, "SELECT * FROM events WHERE owner_id = ?", (long) i);
            nanos[i] = System.nanoTime() - start;
        }
        // THEN
        java.util.Arrays.sort(nanos);
        double medianMs = nanos[nanos.length / 2] / 1e6;
        double p99Ms = nanos[(int) (nanos.length * 0.99)] / 1e6;
        System.out.printf("assertRoutedToSingleWorker: median %.2f ms, p99 %.2f ms over %d calls%n", medianMs, p99Ms,
                nanos.length);
        assertThat(medianMs).as("median ms of assertRoutedToSingleWorker (target < 10 ms)").isLessThan(50.0);
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

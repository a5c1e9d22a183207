package io.citustestkit.recording;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.assertions.CitusAssertions;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static io.citustestkit.assertions.CitusAssertions.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Statement recording on a real cluster: what the application sent through its own pool, judged by
 * what Citus ran, with the kit's own statements left out.
 */
@EnabledIfCitusImage
class RecordingIT {

    private static CitusTestCluster cluster;
    /** The application's own pool, opened from the cluster's URL like any application would. */
    private static HikariDataSource application;

    @BeforeAll
    static void start() {
        cluster = CitusTestCluster.builder().workers(2).shardCount(4).schema("classpath:recording-it-schema.sql").start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(cluster.jdbcUrl());
        config.setUsername(cluster.username());
        config.setPassword(cluster.password());
        config.setMaximumPoolSize(2);
        application = new HikariDataSource(config);
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        cluster.execute("TRUNCATE users, events");
    }

    @Test
    void should_record_the_statements_of_the_applications_own_pool_with_parameters_shards_and_nodes() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements()) {
            update("INSERT INTO users (id, email) VALUES (?, ?)", 42L, "a@example.com");
            query("SELECT email FROM users WHERE id = ?", 42L);
            query("SELECT count(*) FROM events");

            List<RecordedStatement> statements = recorder.statements().all();

            assertThat(statements).extracting(RecordedStatement::sql).containsExactly(
                    "INSERT INTO users (id, email) VALUES ($1, $2)", "SELECT email FROM users WHERE id = $1",
                    "SELECT count(*) FROM events");
            RecordedStatement insert = statements.get(0);
            assertThat(insert.parameters()).containsExactly("42", "a@example.com");
            assertThat(insert.kind()).isEqualTo(PlanKind.ROUTER);
            assertThat(insert.shardIds()).containsExactly(recorder.statements().shardHolding("users", 42L));
            assertThat(insert.nodes()).hasSize(1).allMatch(node -> node.startsWith("worker-"));
            assertThat(statements.get(1).shardIds()).isEqualTo(insert.shardIds());
            RecordedStatement count = statements.get(2);
            assertThat(count.kind()).isEqualTo(PlanKind.MULTI_SHARD);
            assertThat(count.tasks()).isEqualTo(4);
            assertThat(count.nodes()).containsExactly("worker-1", "worker-2");
        }
    }

    @Test
    void should_never_record_the_kits_own_statements() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements()) {
            query("SELECT email FROM users WHERE id = ?", 7L);
            CitusAssertions.assertRoutedToSingleWorker(cluster.dataSource(), "SELECT * FROM events WHERE owner_id = ?", 7L);
            CitusAssertions.assertColocated(cluster.dataSource(), "users", "events");
            CitusAssertions.assertThatTable(cluster.dataSource(), "event_types").isReferenceTable();

            assertThat(recorder.statements().all()).as("EXPLAIN, metadata reads and the recorder's own reads are the kit's")
                    .extracting(RecordedStatement::sql).containsExactly("SELECT email FROM users WHERE id = $1");
        }
    }

    @Test
    void should_judge_server_side_prepared_statements_by_the_shard_each_execution_used() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements();
             Connection connection = application.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM events WHERE owner_id = ?")) {
            assertThat(connection.unwrap(PGConnection.class).getPrepareThreshold()).as("pgjdbc's default").isEqualTo(5);
            for (long tenant = 1; tenant <= 10; tenant++) {
                statement.setLong(1, tenant);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                }
            }

            List<RecordedStatement> executions = recorder.statements().all();
            assertThat(executions).hasSize(10).allSatisfy(execution -> {
                assertThat(execution.kind()).isEqualTo(PlanKind.ROUTER);
                long tenant = Long.parseLong(execution.parameters().get(0));
                assertThat(execution.shardIds()).containsExactly(recorder.statements().shardHolding("events", tenant));
            });
            assertThatStatements(recorder.statements()).allRoutedToSingleWorker();
        }
    }

    @Test
    void should_record_statements_inside_a_transaction_a_multi_row_insert_a_copy_and_a_failure() throws Exception {
        try (StatementRecorder recorder = cluster.recordStatements()) {
            try (Connection connection = application.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO users (id, email) VALUES (1, 'one@example.com')");
                    statement.execute("UPDATE users SET email = 'uno@example.com' WHERE id = 1");
                }
                connection.commit();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO events (owner_id, event_type) VALUES (1, 'login'), (2, 'login'), (3, 'click')");
                }
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY events (owner_id, event_type) FROM STDIN",
                        new StringReader("4\tlogin\n5\tclick\n"));
                try (Statement statement = connection.createStatement()) {
                    assertThatThrownBy(() -> statement.execute("INSERT INTO users (id, email) VALUES (1, 'dup@example.com')"))
                            .isInstanceOf(SQLException.class);
                }
            }

            List<RecordedStatement> statements = recorder.statements().all();

            assertThat(statements).extracting(RecordedStatement::sql).as("BEGIN and COMMIT touch no table and are left out")
                    .containsExactly("INSERT INTO users (id, email) VALUES (1, 'one@example.com')",
                            "UPDATE users SET email = 'uno@example.com' WHERE id = 1",
                            "INSERT INTO events (owner_id, event_type) VALUES (1, 'login'), (2, 'login'), (3, 'click')",
                            "COPY events (owner_id, event_type) FROM STDIN",
                            "INSERT INTO users (id, email) VALUES (1, 'dup@example.com')");
            assertThat(statements.get(0).kind()).isEqualTo(PlanKind.ROUTER);
            assertThat(statements.get(1).shardIds()).isEqualTo(statements.get(0).shardIds());
            RecordedStatements recorded = recorder.statements();
            assertThat(statements.get(2).shardIds()).as("one task per shard the rows go to").containsExactlyInAnyOrderElementsOf(
                    List.of(recorded.shardHolding("events", 1L), recorded.shardHolding("events", 2L), recorded.shardHolding("events", 3L))
                            .stream().distinct().toList());
            assertThat(statements.get(3).shardIds()).as("COPY writes to the shards of tenants 4 and 5")
                    .containsAll(List.of(recorded.shardHolding("events", 4L), recorded.shardHolding("events", 5L)));
            assertThat(statements.get(4).failure()).hasValueSatisfying(error -> assertThat(error).contains("duplicate key"));
            assertThat(statements.get(4).kind()).isEqualTo(PlanKind.ROUTER);
        }
    }

    @Test
    void should_fail_allRoutedToSingleWorker_and_allTouchOnlyTenant_with_each_offending_statement() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements()) {
            query("SELECT email FROM users WHERE id = ?", 42L);
            query("SELECT count(*) FROM events WHERE event_type = ?", "login");
            query("SELECT count(*) FROM events WHERE event_type = ?", "login");
            RecordedStatements statements = recorder.statements();

            AssertionError fannedOut = catchThrowableOfType(AssertionError.class,
                    () -> assertThatStatements(statements).allRoutedToSingleWorker());
            assertThat(fannedOut).hasMessageStartingWith("\nExpecting every recorded statement that touched a distributed table "
                            + "(3 of 3) to run as one task on one node,\nbut 2 did not:\n"
                            + "1) SELECT count(*) FROM events WHERE event_type = $1\n"
                            + "   parameters: [login]\n"
                            + "   ran 2 times: MULTI_SHARD (multi-shard query: one task per shard, pushed down to the workers), "
                            + "4 tasks on worker-1, worker-2\n   shards: events ")
                    .hasMessageContaining("   it fanned out to 4 tasks\n   Citus ran: SELECT count(*) AS count FROM public.events_")
                    .hasMessageContaining("(and 2 more)");

            AssertionError otherTenants = catchThrowableOfType(AssertionError.class,
                    () -> assertThatStatements(statements).allTouchOnlyTenant(42L));
            assertThat(otherTenants).hasMessageContaining("to touch only tenant 42 (on the shards holding it: users "
                            + statements.shardHolding("users", 42L))
                    .hasMessageContaining("1) SELECT count(*) FROM events WHERE event_type = $1")
                    .hasMessageContaining("it touched shards of other tenants: events ")
                    .hasMessageNotContaining("SELECT email FROM users");
        }
        try (StatementRecorder recorder = cluster.recordStatements()) {
            query("SELECT email FROM users WHERE id = ?", 42L);
            query("SELECT * FROM events e JOIN event_types t ON t.name = e.event_type WHERE e.owner_id = ?", 42L);

            assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allTouchOnlyTenant(42L);
        }
    }

    @Test
    void should_leave_the_coordinator_planning_as_citus_does_and_have_the_workers_plan_each_query_with_its_values() throws SQLException {
        String settings = "SELECT concat_ws(' ', current_setting('citus.enable_fast_path_router_planner'), current_setting('plan_cache_mode'), "
                + "current_setting('citus.stat_tenants_track'), current_setting('log_min_messages'))";

        assertThat(valueOn(cluster.coordinator(), settings)).isEqualTo("on auto all debug2");
        for (io.citustestkit.CitusNode worker : cluster.workers()) {
            assertThat(valueOn(worker, settings)).as(worker.name()).isEqualTo("off force_custom_plan none debug2");
        }
    }

    private static String valueOn(io.citustestkit.CitusNode node, String sql) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(node.jdbcUrl(), cluster.username(), cluster.password());
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void should_name_the_tenant_of_the_tasks_a_coordinator_without_workers_runs_itself() throws SQLException {
        try (CitusTestCluster alone = CitusTestCluster.builder().workers(0).shardCount(3).start()) {
            alone.execute("CREATE TABLE t (id bigint PRIMARY KEY)");
            alone.execute("SELECT create_distributed_table('t', 'id')");
            long neighbour;
            try (Connection connection = alone.dataSource().getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT x FROM generate_series(2, 1000) x WHERE "
                         + "get_shard_id_for_distribution_column('t', x) = get_shard_id_for_distribution_column('t', 1) LIMIT 1")) {
                rows.next();
                neighbour = rows.getLong(1);
            }
            try (StatementRecorder recorder = alone.recordStatements();
                 Connection application = java.sql.DriverManager.getConnection(alone.jdbcUrl(), alone.username(), alone.password());
                 PreparedStatement select = application.prepareStatement("SELECT count(*) FROM t WHERE id = ?")) {
                for (int i = 0; i < 7; i++) { // past pgjdbc's prepareThreshold: a server-side prepared statement too
                    select.setLong(1, 1);
                    select.executeQuery().close();
                }
                assertThatStatements(recorder.statements()).allTouchOnlyTenant(1L);

                select.setLong(1, neighbour); // on tenant 1's shard, which the coordinator holds itself
                select.executeQuery().close();
                assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(1L))
                        .hasMessageContaining("parameters: [" + neighbour + "]")
                        .hasMessageContaining("it touched other tenants: " + neighbour);
            }
        }
    }

    @Test
    void should_name_the_tenant_of_a_prepared_join_with_a_reference_table_at_every_execution() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements(); Connection connection = application.getConnection();
             PreparedStatement join = connection.prepareStatement(
                     "SELECT count(*) FROM events e JOIN event_types t ON t.name = e.event_type WHERE e.owner_id = ?")) {
            for (int i = 0; i < 8; i++) { // past pgjdbc's prepareThreshold and PostgreSQL's five custom plans
                join.setLong(1, 42L);
                join.executeQuery().close();
            }
            assertThat(recorder.statements().all()).hasSize(8)
                    .allSatisfy(statement -> assertThat(statement.distributionValues()).as("%s", statement).containsExactly("42"));
            assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allTouchOnlyTenant(42L);
        }
    }

    @Test
    void should_fail_the_statements_of_a_session_that_logs_only_some_commands_until_it_logs_them_all_again() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements();
             Connection session = java.sql.DriverManager.getConnection(cluster.jdbcUrl(), cluster.username(), cluster.password());
             Statement statement = session.createStatement()) {
            statement.execute("SELECT set_config('citus.grep_remote_commands', '%nothing-matches%', false)");
            statement.execute("SELECT count(*) FROM events"); // on every shard, none of it logged
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(42L))
                    .hasMessageContaining("SELECT count(*) FROM events")
                    .hasMessageContaining("its session changed what the server logs (SELECT set_config('citus.grep_remote_commands'");

            statement.execute("SET citus.grep_remote_commands = ''");
            statement.execute("SELECT count(*) FROM events WHERE owner_id = 42");
            List<RecordedStatement> all = recorder.statements().all();
            assertThat(all.get(all.size() - 1).unseenWorkReason()).isEmpty();
            assertThat(all.get(all.size() - 1).distributionValues()).containsExactly("42");
        }
    }

    @Test
    void should_tell_what_an_existing_coordinator_lacks_for_recording() {
        try (CitusTestCluster quiet = CitusTestCluster.builder().workers(0).shardCount(2).statementRecording(false).start();
             CitusTestCluster connected = CitusTestCluster.connect(quiet.jdbcUrl(), quiet.username(), quiet.password())) {
            assertThatThrownBy(connected::recordStatements)
                    .isInstanceOf(RecordingUnavailableException.class)
                    .hasMessageStartingWith("Statement recording reads the coordinator's JSON log, and this coordinator cannot provide it:")
                    .hasMessageContaining("logging_collector is 'off', needs 'on' (needs a restart)")
                    .hasMessageContaining("log_destination is 'stderr', needs to include 'jsonlog'")
                    .hasMessageContaining("log_statement is 'none', needs 'all'")
                    .hasMessageContaining("citus.log_remote_commands is 'off', needs 'on'")
                    .hasMessageContaining("citus.stat_tenants_track is 'none', needs 'all'");
        }
        try (CitusTestCluster connected = CitusTestCluster.connect(cluster.jdbcUrl(), cluster.username(), cluster.password());
             StatementRecorder recorder = connected.recordStatements()) {
            cluster.execute("SELECT count(*) FROM users WHERE id = 3");
            assertThat(recorder.statements().all()).extracting(RecordedStatement::kind).containsExactly(PlanKind.ROUTER);
        }
    }

    private static void update(String sql, Object... params) throws SQLException {
        try (Connection connection = application.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private static void query(String sql, Object... params) throws SQLException {
        try (Connection connection = application.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getObject(1);
                }
            }
        }
    }
}

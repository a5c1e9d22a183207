package io.citustestkit.recording;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.CitusNode;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
import static io.citustestkit.assertions.CitusAssertions.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verdicts on recorded statements name the tenant exactly, on a 1+2 cluster with 4 shards (one
 * tenant in four shares tenant 42's shard): a statement for another tenant on 42's shard fails, a
 * function or procedure Citus delegated to a worker is judged by what its body ran there (from the
 * worker's log: it passes when the body stays with the tenant, fails when it fans out or reads another
 * tenant, and fails when the worker's log lacks what recording reads), a refused statement is recorded
 * as itself, and the kit's own EXPLAIN takes one statement only. Each failing case has a passing twin.
 */
@EnabledIfCitusImage
class TenantVerdictsIT {

    private static final long TENANT = 42L;

    private static CitusTestCluster cluster;
    private static HikariDataSource application;
    /** A tenant whose rows live on tenant 42's shard, found with the cluster's own hashing. */
    private static long neighbour;

    @BeforeAll
    static void start() throws SQLException {
        cluster = CitusTestCluster.builder().workers(2).shardCount(4).schema("classpath:recording-it-schema.sql").start();
        cluster.execute("CREATE TABLE settings (key text PRIMARY KEY, value text)");
        cluster.execute("CREATE TABLE audit_log (owner_id bigint, note text)"); // every tenant's rows in one shard
        cluster.execute("SELECT create_distributed_table('audit_log', null, colocate_with => 'none')");
        cluster.execute("CREATE TABLE plans (id bigint PRIMARY KEY, name text NOT NULL)");
        cluster.execute("SELECT create_reference_table('plans')");
        cluster.execute("""
                CREATE TABLE subscriptions (owner_id bigint NOT NULL, id bigserial, plan_id bigint NOT NULL, PRIMARY KEY (owner_id, id),
                    CONSTRAINT subscriptions_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE)""");
        cluster.execute("SELECT create_distributed_table('subscriptions', 'owner_id', colocate_with => 'events')");
        cluster.execute("""
                CREATE TABLE plan_notes (owner_id bigint NOT NULL, id bigserial, plan_id bigint NOT NULL, PRIMARY KEY (owner_id, id),
                    CONSTRAINT plan_notes_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id) ON UPDATE CASCADE)""");
        cluster.execute("SELECT create_distributed_table('plan_notes', 'owner_id', colocate_with => 'events')");
        cluster.execute("""
                CREATE FUNCTION events_everywhere(tenant bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM events $$""");
        cluster.execute("SELECT create_distributed_function('events_everywhere(bigint)', 'tenant', colocate_with := 'events')");
        cluster.execute("""
                CREATE FUNCTION events_of_tenant(tenant bigint) RETURNS bigint LANGUAGE plpgsql
                AS $$ BEGIN RETURN (SELECT count(*) FROM events WHERE owner_id = tenant); END $$""");
        cluster.execute("SELECT create_distributed_function('events_of_tenant(bigint)', '$1', colocate_with := 'events')");
        cluster.execute("""
                CREATE FUNCTION events_of_other(tenant bigint, other bigint) RETURNS bigint LANGUAGE plpgsql
                AS $$ BEGIN RETURN (SELECT count(*) FROM events WHERE owner_id = other); END $$""");
        cluster.execute("SELECT create_distributed_function('events_of_other(bigint,bigint)', '$1', colocate_with := 'events')");
        cluster.execute("""
                CREATE PROCEDURE log_event(tenant bigint) LANGUAGE plpgsql
                AS $$ BEGIN INSERT INTO events (owner_id, event_type) VALUES (tenant, 'login'); END $$""");
        cluster.execute("SELECT create_distributed_function('log_event(bigint)', '$1', colocate_with := 'events')");
        cluster.execute("""
                CREATE PROCEDURE touch_all_events(tenant bigint) LANGUAGE plpgsql
                AS $$ BEGIN UPDATE events SET event_type = event_type; END $$""");
        cluster.execute("SELECT create_distributed_function('touch_all_events(bigint)', '$1', colocate_with := 'events')");
        cluster.execute("""
                CREATE FUNCTION events_of(tenant bigint) RETURNS bigint LANGUAGE plpgsql
                AS $$ BEGIN RETURN (SELECT count(*) FROM events WHERE owner_id = tenant); END $$""");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(cluster.jdbcUrl());
        config.setUsername(cluster.username());
        config.setPassword(cluster.password());
        config.setMaximumPoolSize(2);
        application = new HikariDataSource(config);
        try (Connection connection = application.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT x FROM generate_series(1, 1000) x WHERE x <> 42 AND "
                     + "get_shard_id_for_distribution_column('events', x) = get_shard_id_for_distribution_column('events', 42) LIMIT 1")) {
            rows.next();
            neighbour = rows.getLong(1);
        }
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
        cluster.execute("TRUNCATE users, events, settings");
    }

    @Test
    void should_fail_for_another_tenant_on_the_tenants_own_shard_and_pass_for_the_tenant() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements()) {
            RecordedStatements statements = recorder.statements();
            assertThat(statements.shardHolding("events", neighbour)).as("the neighbour shares 42's shard")
                    .isEqualTo(statements.shardHolding("events", TENANT));
            for (int i = 0; i < 7; i++) { // past pgjdbc's prepareThreshold: server-side prepared statements too
                query("SELECT count(*) FROM events WHERE owner_id = ?", TENANT);
                update("UPDATE events SET event_type = ? WHERE owner_id = ?", "click", TENANT);
                update("INSERT INTO events (owner_id, event_type) VALUES (?, ?)", TENANT, "login");
            }

            assertThat(statements.all()).hasSize(21).allSatisfy(statement -> assertThat(statement.distributionValues())
                    .as("%s", statement).containsExactly("42"));
            assertThatStatements(statements).allRoutedToSingleWorker().allTouchOnlyTenant(TENANT);

            query("SELECT count(*) FROM events WHERE owner_id = ?", neighbour);
            AssertionError other = catchAssertion(() -> assertThatStatements(statements).allTouchOnlyTenant(TENANT));
            assertThat(other).hasMessageContaining("but 1 did not:\n1) SELECT count(*) FROM events WHERE owner_id = $1\n"
                            + "   parameters: [" + neighbour + "]\n")
                    .hasMessageContaining("   distribution values: [" + neighbour + "]\n"
                            + "   it touched other tenants: " + neighbour + " (the distribution values Citus named for its tasks: ["
                            + neighbour + "])\n");
        }
    }

    @Test
    void should_fail_for_an_update_and_a_multi_row_insert_that_touch_the_neighbour_and_an_in_list_citus_names_no_value_for()
            throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements()) {
            cluster.execute("UPDATE events SET event_type = 'x' WHERE owner_id = " + neighbour);
            cluster.execute("INSERT INTO events (owner_id, event_type) VALUES (42, 'login'), (" + neighbour + ", 'login')");
            cluster.execute("SELECT count(*) FROM events WHERE owner_id IN (42, " + neighbour + ")");
            RecordedStatements statements = recorder.statements();

            List<RecordedStatement> all = statements.all();
            assertThat(all.get(0).distributionValues()).containsExactly(String.valueOf(neighbour));
            assertThat(all.get(1).distributionValues()).as("each row Citus wrote").containsExactly("42", String.valueOf(neighbour));
            assertThat(all.get(2).distributionValues()).isEmpty();
            assertThat(all.get(2).unnamedValuesReason()).isPresent();
            assertThat(all).allSatisfy(statement -> assertThat(statement.shardIds())
                    .containsExactly(statements.shardHolding("events", TENANT)));

            AssertionError failure = catchAssertion(() -> assertThatStatements(statements).allTouchOnlyTenant(TENANT));
            assertThat(failure).hasMessageContaining("but 3 did not:")
                    .hasMessageContaining("1) UPDATE events SET event_type = 'x' WHERE owner_id = " + neighbour + "\n")
                    .hasMessageContaining("it touched other tenants: " + neighbour + " (")
                    .hasMessageContaining("3) SELECT count(*) FROM events WHERE owner_id IN (42, " + neighbour + ")\n")
                    .hasMessageContaining("it stayed on tenant 42's shards, but Citus did not name the tenant of every task, so other "
                            + "tenants on the same shard cannot be ruled out: Citus planned the query without naming a single "
                            + "distribution column value");
        }
        try (StatementRecorder recorder = cluster.recordStatements()) {
            cluster.execute("INSERT INTO events (owner_id, event_type) VALUES (42, 'login'), (42, 'click')");
            assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT);
        }
    }

    @Test
    void should_fail_for_a_query_that_reads_the_shard_twice_unless_every_read_is_held_to_the_tenant() throws SQLException {
        String join = "SELECT count(*) FROM events a JOIN events b ON b.id = a.id WHERE a.owner_id = 42 AND b.owner_id %s";
        try (StatementRecorder recorder = cluster.recordStatements()) {
            query(join.formatted("= a.owner_id"));
            assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allTouchOnlyTenant(TENANT);
        }
        try (StatementRecorder recorder = cluster.recordStatements()) {
            // one task on 42's shard, which Citus names 42 (the filter that pruned it), though b reads the neighbour's rows
            query(join.formatted("IN (42, " + neighbour + ")"));
            query("WITH o AS MATERIALIZED (SELECT id FROM events WHERE owner_id IN (42, " + neighbour + ")) "
                    + "SELECT count(*) FROM events WHERE owner_id = 42 AND id IN (SELECT id FROM o)");
            RecordedStatements statements = recorder.statements();

            assertThat(statements.all()).allSatisfy(statement -> assertThat(statement.shardIds())
                    .containsExactly(statements.shardHolding("events", TENANT)));
            assertThatThrownBy(() -> assertThatStatements(statements).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("but 2 did not:")
                    .hasMessageContaining("the command reads the shard of more than one table, or of one table more than once, "
                            + "and Citus names the value of one table's filter only");
        }
    }

    @Test
    void should_fail_for_an_in_subquery_that_reads_the_neighbour_although_the_outer_read_is_held_to_the_tenant() throws SQLException {
        String in = "SELECT count(*) FROM events e WHERE e.owner_id = 42 AND e.owner_id IN "
                + "(SELECT a.owner_id FROM events a WHERE a.owner_id %s ORDER BY a.id DESC LIMIT 5)";
        try (StatementRecorder recorder = cluster.recordStatements()) {
            query(in.formatted("= 42"));
            assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allTouchOnlyTenant(TENANT);
        }
        try (StatementRecorder recorder = cluster.recordStatements()) {
            // one task on 42's shard, named 42 after e's filter; the subquery reads the neighbour's rows (LIMIT keeps 42 out of it)
            query(in.formatted("IN (42, " + neighbour + ")"));
            RecordedStatements statements = recorder.statements();

            assertThat(statements.all()).singleElement().satisfies(statement -> assertThat(statement.shardIds())
                    .containsExactly(statements.shardHolding("events", TENANT)));
            assertThatThrownBy(() -> assertThatStatements(statements).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("but 1 did not:")
                    .hasMessageContaining("the command reads the shard of more than one table, or of one table more than once");
        }
    }

    @Test
    void should_fail_for_a_single_shard_table_whose_rows_are_not_split_by_tenant() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements()) {
            query("SELECT count(*) FROM events WHERE owner_id = 42");
            assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT);
            query("SELECT count(*) FROM audit_log WHERE owner_id = 42");

            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("but 1 did not:\n1) SELECT count(*) FROM audit_log WHERE owner_id = 42")
                    .hasMessageContaining("it touched distributed tables that have no distribution column to split their rows by tenant, "
                            + "so other tenants' rows cannot be ruled out: audit_log ")
                    .hasMessageContaining("(single-shard distributed table)");
        }
    }

    @Test
    void should_fail_for_a_reference_table_delete_that_a_cascading_foreign_key_carries_into_every_tenants_rows() throws SQLException {
        plansReferencedBy("subscriptions");
        try (StatementRecorder recorder = cluster.recordStatements()) {
            update("UPDATE plans SET name = ? WHERE id = ?", "basic+", 1L); // ON UPDATE NO ACTION: it changes no tenant's rows
            query("SELECT count(*) FROM subscriptions WHERE owner_id = ?", TENANT);
            assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allTouchOnlyTenant(TENANT);

            update("DELETE FROM plans WHERE id = ?", 1L);

            String why = "it wrote reference table plans (DELETE), and PostgreSQL carries that write through foreign keys with an "
                    + "action (subscriptions_plan_fk (subscriptions ON DELETE CASCADE)) into distributed table subscriptions on every "
                    + "node, changing the rows of whichever tenants reference what it wrote";
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("but 1 did not:\n1) DELETE FROM plans WHERE id = $1\n   parameters: [1]\n")
                    .hasMessageContaining(why);
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allRoutedToSingleWorker())
                    .hasMessageContaining("DELETE FROM plans WHERE id = $1")
                    .hasMessageContaining(why);
        }
        assertThat(count("SELECT count(*) FROM subscriptions WHERE owner_id = " + neighbour))
                .as("the neighbour's subscription went with the plan").isZero();
    }

    /** Plans 1 and 2, and a row of {@code table} on plan 1 for tenant 42 and for its neighbour. */
    private static void plansReferencedBy(String table) {
        cluster.execute("TRUNCATE plans CASCADE");
        cluster.execute("INSERT INTO plans VALUES (1, 'basic'), (2, 'spare')");
        cluster.execute("INSERT INTO " + table + " (owner_id, plan_id) VALUES (42, 1), (" + neighbour + ", 1)");
    }

    @Test
    void should_fail_for_a_reference_table_update_of_a_key_a_foreign_key_cascades_and_pass_for_one_of_other_columns() throws SQLException {
        plansReferencedBy("plan_notes");
        try (StatementRecorder recorder = cluster.recordStatements()) {
            update("UPDATE plans SET name = ? WHERE id = ?", "basic+", 1L); // ON UPDATE CASCADE acts only on a changed id
            update("INSERT INTO plans VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name", 2L, "spare+");
            assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT);

            update("UPDATE plans SET id = ? WHERE id = ?", 3L, 1L);

            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("but 1 did not:\n1) UPDATE plans SET id = $1 WHERE id = $2\n")
                    .hasMessageContaining("it wrote reference table plans (UPDATE), and PostgreSQL carries that write through foreign keys "
                            + "with an action (plan_notes_plan_fk (plan_notes ON UPDATE CASCADE)) into distributed table plan_notes");
        }
        assertThat(count("SELECT count(*) FROM plan_notes WHERE plan_id = 3 AND owner_id = " + neighbour))
                .as("the neighbour's note follows the plan's new id").isOne();
    }

    @Test
    void should_judge_every_statement_of_a_simple_query_that_begins_with_a_setting() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements();
             Connection connection = DriverManager.getConnection(cluster.jdbcUrl() + "?preferQueryMode=simple", cluster.username(),
                     cluster.password());
             Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = '10s'; DELETE FROM events WHERE owner_id = 42");
            assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT);

            // one Query message, logged as one statement: the DELETE of every tenant must not hide behind the SET
            statement.execute("SET LOCAL statement_timeout = '10s'; DELETE FROM events WHERE event_type = 'login'");

            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("but 1 did not:\n1) SET LOCAL statement_timeout = '10s'; DELETE FROM events WHERE event_type = 'login'")
                    .hasMessageContaining("touched shards of other tenants");
        }
    }

    @Test
    void should_fail_for_a_copy_whose_rows_citus_does_not_name() throws Exception {
        try (StatementRecorder recorder = cluster.recordStatements(); Connection connection = application.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY events (owner_id, event_type) FROM STDIN",
                    new StringReader("42\tlogin\n"));

            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("1) COPY events (owner_id, event_type) FROM STDIN")
                    .hasMessageContaining("Citus copied rows into the shard with COPY, and names no distribution value for copied rows");
        }
    }

    @Test
    void should_pass_for_a_delegated_function_whose_body_stays_with_the_tenant() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements()) {
            query("SELECT events_of_tenant(?)", TENANT);
            capture("function");

            RecordedStatement call = recorder.statements().all().get(0);
            assertThat(call.delegatedTo()).hasSize(1).allMatch(node -> node.startsWith("worker-"));
            assertThat(call.unseenWorkReason()).isEmpty();
            assertThat(call.nodes()).isEqualTo(call.delegatedTo());
            assertThat(call.shardIds()).containsExactly(recorder.statements().shardHolding("events", TENANT));
            assertThat(call.distributionValues()).containsExactly("42");
            assertThat(call.kind()).isEqualTo(PlanKind.ROUTER);
            assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allTouchOnlyTenant(TENANT);
        }
    }

    @Test
    void should_fail_for_a_delegated_function_whose_body_reads_every_tenant() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements()) {
            query("SELECT events_everywhere(?)", TENANT);
            capture("function-everywhere");

            RecordedStatement call = recorder.statements().all().get(0);
            String worker = call.delegatedTo().get(0);
            assertThat(call.kind()).as("never 'not distributed'").isEqualTo(PlanKind.MULTI_SHARD);
            assertThat(call.tasks()).isEqualTo(4);
            assertThat(call.nodes()).containsExactly("worker-1", "worker-2");
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("1) SELECT events_everywhere($1)\n   parameters: [42]\n")
                    .hasMessageContaining("   delegated to: " + worker + "\n")
                    .hasMessageContaining("   its body on " + worker + " touched shards of other tenants: events ");
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allRoutedToSingleWorker())
                    .hasMessageContaining("its body, delegated to " + worker + ", fanned out to 4 tasks");
        }
    }

    @Test
    void should_fail_for_a_delegated_function_whose_body_reads_the_neighbour_on_the_tenants_shard() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements()) {
            query("SELECT events_of_other(?, ?)", TENANT, neighbour);
            capture("function-neighbour");

            RecordedStatement call = recorder.statements().all().get(0);
            String worker = call.delegatedTo().get(0);
            assertThat(call.shardIds()).as("the tenant's own shard").containsExactly(recorder.statements().shardHolding("events", TENANT));
            assertThat(call.distributionValues()).containsExactly(String.valueOf(neighbour));
            assertThatStatements(recorder.statements()).allRoutedToSingleWorker();
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("   its body on " + worker + " touched other tenants: " + neighbour + " (the distribution "
                            + "values Citus named for its tasks: [" + neighbour + "])");
        }
    }

    @Test
    void should_pass_for_a_delegated_procedure_that_writes_the_tenant_and_fail_for_one_that_updates_every_tenant() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements()) {
            execute("CALL log_event(42)");
            capture("procedure");
            update("CALL log_event(?)", TENANT); // Citus delegates no CALL with a bound parameter: it runs the body itself

            List<RecordedStatement> calls = recorder.statements().touchingDistributedTables();
            assertThat(calls.get(0).delegatedTo()).hasSize(1);
            assertThat(calls.get(0).unseenWorkReason()).isEmpty();
            assertThat(calls).allSatisfy(call -> assertThat(call.distributionValues()).as("%s", call).containsExactly("42"));
            assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allTouchOnlyTenant(TENANT);
        }
        try (StatementRecorder recorder = cluster.recordStatements()) {
            execute("CALL touch_all_events(42)");
            capture("procedure-everywhere");

            RecordedStatement call = recorder.statements().all().get(0);
            String worker = call.delegatedTo().get(0);
            assertThat(call.tasks()).isEqualTo(4);
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("1) CALL touch_all_events(42)\n")
                    .hasMessageContaining("   its body on " + worker + " touched shards of other tenants: events ");
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allRoutedToSingleWorker())
                    .hasMessageContaining("its body, delegated to " + worker + ", fanned out to 4 tasks");
        }
    }

    @Test
    void should_fail_for_a_delegated_call_when_the_workers_log_lacks_what_recording_reads() throws SQLException {
        for (CitusNode worker : cluster.workers()) {
            onNode(worker, "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET log_statement = none', current_database()); END $$");
        }
        try (StatementRecorder recorder = cluster.recordStatements()) {
            query("SELECT events_of_tenant(?)", TENANT);

            RecordedStatement call = recorder.statements().all().get(0);
            String worker = call.delegatedTo().get(0);
            assertThat(call.unseenWorkReason()).hasValueSatisfying(why -> assertThat(why)
                    .contains("what its body ran there is not known: " + worker + "'s log lacks what recording reads: "
                            + "log_statement is 'none', needs 'all'"));
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("Citus delegated the call to " + worker + " (\"pushing down the function call\"), and what "
                            + "its body ran there is not known: " + worker + "'s log lacks what recording reads: log_statement is "
                            + "'none', needs 'all'");
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allRoutedToSingleWorker())
                    .hasMessageContaining("and what its body ran there is not known: " + worker + "'s log lacks what recording reads");
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allStayInSchema("tenant_42"))
                    .hasMessageContaining("and what its body ran there is not known: " + worker + "'s log lacks what recording reads");
        } finally {
            for (CitusNode worker : cluster.workers()) {
                onNode(worker, "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET log_statement', current_database()); END $$");
            }
        }
    }

    @Test
    void should_fail_for_a_statement_of_a_session_that_turned_off_what_recording_reads_and_pass_once_it_is_back() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements(); Connection connection = application.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SET citus.log_remote_commands TO off");
            statement.execute("SELECT count(*) FROM events");
            statement.execute("RESET citus.log_remote_commands");

            String why = "what Citus ran for it is not known: its session changed what the server logs (SET citus.log_remote_commands "
                    + "TO off), and recording reads that log";
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allRoutedToSingleWorker())
                    .hasMessageContaining("1) SELECT count(*) FROM events\n").hasMessageContaining(why);
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT)).hasMessageContaining(why);
        }
        try (StatementRecorder recorder = cluster.recordStatements(); Connection connection = application.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT count(*) FROM events WHERE owner_id = 42");
            assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allTouchOnlyTenant(TENANT);
        }
    }

    @Test
    void should_fail_for_the_statements_after_a_do_block_that_turned_off_what_recording_reads_in_its_body() throws SQLException {
        String block = "DO $$ BEGIN PERFORM set_config('citus.log_remote_commands', 'off', false); END $$";
        try (StatementRecorder recorder = cluster.recordStatements(); Connection connection = application.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(block);
            statement.execute("SELECT count(*) FROM events");
            statement.execute("RESET citus.log_remote_commands");

            String why = "what Citus ran for it is not known: its session changed what the server logs (" + block
                    + "), and recording reads that log";
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("but 2 did not:\n1) " + block + "\n")
                    .hasMessageContaining("2) SELECT count(*) FROM events\n").hasMessageContaining(why);
        }
    }

    @Test
    void should_fail_for_calls_of_functions_that_turn_off_what_recording_reads_and_pass_for_one_that_does_not() throws SQLException {
        cluster.execute("""
                CREATE OR REPLACE FUNCTION quiet_logging() RETURNS void LANGUAGE plpgsql
                AS $$ BEGIN PERFORM set_config('citus.log_remote_commands', 'off', false); END $$""");
        cluster.execute("""
                CREATE OR REPLACE FUNCTION count_events_quietly() RETURNS bigint LANGUAGE sql SET citus.log_remote_commands = off
                AS $$ SELECT count(*) FROM events $$""");
        try (StatementRecorder recorder = cluster.recordStatements(); Connection connection = application.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT events_of(42)"); // its body changes no setting recording reads
            assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT);

            statement.execute("SELECT count_events_quietly()"); // counts every tenant's events with the log off
            statement.execute("SELECT quiet_logging()");
            statement.execute("SELECT count(*) FROM events");
            statement.execute("RESET citus.log_remote_commands");

            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("but 3 did not:\n1) SELECT count_events_quietly()\n")
                    .hasMessageContaining("its session changed what the server logs (SELECT count_events_quietly() "
                            + "(count_events_quietly() runs with citus.log_remote_commands=off))")
                    .hasMessageContaining("2) SELECT quiet_logging()\n")
                    .hasMessageContaining("3) SELECT count(*) FROM events\n")
                    .hasMessageContaining("its session changed what the server logs (SELECT quiet_logging() (the body of quiet_logging()))");
        }
    }

    private static void onNode(CitusNode node, String sql) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(node.jdbcUrl(), cluster.username(), cluster.password());
             Statement statement = connection.createStatement()) {
            statement.execute("SET citus.enable_ddl_propagation = off");
            statement.execute(sql);
        }
    }

    /** With CAPTURE_DELEGATION set: writes each node's JSON log to that directory, for the message tests' resources. */
    private static void capture(String name) throws SQLException {
        String directory = System.getenv("CAPTURE_DELEGATION");
        if (directory == null) {
            return;
        }
        List<CitusNode> nodes = new java.util.ArrayList<>(cluster.workers());
        nodes.add(0, cluster.coordinator());
        for (CitusNode node : nodes) {
            try (Connection connection = java.sql.DriverManager.getConnection(node.jdbcUrl(), cluster.username(), cluster.password());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT pg_read_file(pg_current_logfile('jsonlog'))")) {
                rows.next();
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(directory));
                java.nio.file.Files.writeString(java.nio.file.Path.of(directory, name + "-" + node.name() + ".jsonl"), rows.getString(1));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void should_judge_what_a_function_body_ran_on_the_coordinator_in_a_transaction_block() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements(); Connection connection = application.getConnection()) {
            connection.setAutoCommit(false);
            query(connection, "SELECT events_everywhere(?)", TENANT);
            query(connection, "SELECT events_of(?)", TENANT);
            connection.commit();

            List<RecordedStatement> statements = recorder.statements().all();
            assertThat(statements).extracting(RecordedStatement::sql).containsExactly("SELECT events_everywhere($1)", "SELECT events_of($1)");
            assertThat(statements.get(0).kind()).isEqualTo(PlanKind.MULTI_SHARD);
            assertThat(statements.get(0).tasks()).isEqualTo(4);
            assertThat(statements.get(1).distributionValues()).containsExactly("42");
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("but 1 did not:\n1) SELECT events_everywhere($1)")
                    .hasMessageContaining("it touched shards of other tenants: ");
        }
        try (StatementRecorder recorder = cluster.recordStatements()) {
            query("SELECT events_of(?)", TENANT);
            assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allTouchOnlyTenant(TENANT);
        }
    }

    @Test
    void should_record_a_refused_join_as_itself_after_a_good_select() throws SQLException {
        try (StatementRecorder recorder = cluster.recordStatements(); Connection connection = application.getConnection()) {
            query(connection, "SELECT count(*) FROM events WHERE owner_id = ?", TENANT);
            assertThatThrownBy(() -> query(connection, "SELECT count(*) FROM events e JOIN users u ON u.email = e.event_type "
                    + "WHERE e.id = ?", TENANT)).isInstanceOf(SQLException.class);
            query(connection, "SELECT count(*) FROM events WHERE owner_id = ?", TENANT);

            List<RecordedStatement> statements = recorder.statements().all();
            assertThat(statements).extracting(RecordedStatement::sql).containsExactly("SELECT count(*) FROM events WHERE owner_id = $1",
                    "SELECT count(*) FROM events e JOIN users u ON u.email = e.event_type WHERE e.id = $1",
                    "SELECT count(*) FROM events WHERE owner_id = $1");
            assertThat(statements.get(0).failure()).as("the good SELECT keeps no one else's error").isEmpty();
            assertThat(statements.get(2).failure()).isEmpty();
            RecordedStatement refused = statements.get(1);
            assertThat(refused.failure()).hasValue("the query contains a join that requires repartitioning");
            assertThat(refused.parameters()).containsExactly("42");
            assertThat(refused.tasks()).isZero();
            assertThatStatements(recorder.statements()).as("a refused statement touched nothing").allTouchOnlyTenant(TENANT);

            try (Statement statement = connection.createStatement()) {
                statement.execute("SET citus.enable_repartition_joins = on");
            }
            query(connection, "SELECT count(*) FROM events e JOIN users u ON u.email = e.event_type WHERE e.id = ?", TENANT);
            RecordedStatement repartitioned = recorder.statements().all().get(3);
            assertThat(repartitioned.kind()).as("never 'not distributed'").isEqualTo(PlanKind.REPARTITION);
            assertThat(repartitioned.touchesDistributedTables()).isTrue();
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(TENANT))
                    .hasMessageContaining("but 1 did not:\n1) SELECT count(*) FROM events e JOIN users u ON u.email = e.event_type");
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allRoutedToSingleWorker())
                    .hasMessageContaining("REPARTITION");
            try (Statement statement = connection.createStatement()) {
                statement.execute("RESET citus.enable_repartition_joins");
            }
        }
    }

    @Test
    void should_refuse_an_explain_of_more_than_one_statement_before_sending_anything() {
        cluster.execute("INSERT INTO settings VALUES ('x', 'kept')");

        assertThatIllegalArgumentException().isThrownBy(() -> assertRoutedToSingleWorker(cluster.dataSource(),
                        "SELECT 1 FROM events WHERE owner_id = 1; COMMIT; DELETE FROM settings WHERE key = 'x'"))
                .withMessageContaining("Second statement: COMMIT");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThatQuery(cluster.dataSource(),
                        "SELECT 1 FROM events WHERE owner_id = ?; DELETE FROM settings", 1L))
                .withMessageContaining("Second statement: DELETE FROM settings");

        assertThat(cluster.dataSource()).isNotNull();
        assertRoutedToSingleWorker(cluster.dataSource(), "SELECT 1 FROM events WHERE owner_id = 1;");
        try (Connection connection = application.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT value FROM settings WHERE key = 'x'")) {
            assertThat(rows.next()).as("the DELETE never ran").isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static AssertionError catchAssertion(Runnable verdict) {
        try {
            verdict.run();
        } catch (AssertionError e) {
            return e;
        }
        throw new AssertionError("the verdict passed");
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = application.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = application.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
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
        try (Connection connection = application.getConnection()) {
            query(connection, sql, params);
        }
    }

    private static void query(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
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

package io.citustestkit.recording;

import io.citustestkit.metadata.ShardCatalog;
import io.citustestkit.plan.PlanKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a real coordinator log (Citus 14.0.1 / PostgreSQL 18, jsonlog, the recording settings: DEBUG2,
 * fast-path planner off, custom plans) into recorded statements: the distribution values Citus named,
 * the calls it delegated, the statements it refused. The catalog is the one of that run (events, 4 shards).
 */
class RecordedLogTest {

    private static List<RecordedStatement> statements;

    @BeforeAll
    static void read() {
        statements = RecordedLogs.judged("/recording/citus-14.0.1-pg18-coordinator.jsonl", catalog(), "owner_id");
    }

    static ShardCatalog catalog() {
        return RecordedLogs.fourShards("events", 102012, 2);
    }

    private static RecordedStatement first(String sql) {
        return statements.stream().filter(statement -> statement.sql().equals(sql)).findFirst().orElseThrow();
    }

    @Test
    void should_name_the_value_citus_planned_each_execution_of_a_prepared_statement_for() {
        List<RecordedStatement> selects = statements.stream()
                .filter(statement -> statement.sql().equals("SELECT count(*) FROM events WHERE owner_id = $1")).limit(8).toList();

        assertThat(selects).extracting(RecordedStatement::parameters).extracting(parameters -> parameters.get(0))
                .containsExactly("42", "2", "42", "42", "42", "42", "42", "2");
        assertThat(selects).as("server-side prepared (S_1) included: each named by its own planning")
                .allSatisfy(select -> assertThat(select.distributionValues()).containsExactly(select.parameters().get(0)))
                .allSatisfy(select -> assertThat(select.unnamedValues()).isNull())
                .allSatisfy(select -> assertThat(select.shardIds()).containsExactly(102015L));
        assertThat(first("UPDATE events SET event_type = $1 WHERE owner_id = $2").distributionValues()).containsExactly("42");
        assertThat(first("UPDATE events SET event_type = 'x' WHERE owner_id = 2").distributionValues()).containsExactly("2");
    }

    @Test
    void should_name_the_rows_of_an_insert_from_the_values_citus_sent_to_each_shard() {
        assertThat(statements.stream().filter(s -> s.sql().equals("INSERT INTO events (owner_id, event_type) VALUES ($1, $2)")))
                .allSatisfy(insert -> assertThat(insert.distributionValues()).containsExactly(insert.parameters().get(0)));
        RecordedStatement multiRow = first("INSERT INTO events (owner_id, event_type) VALUES (42, 'login'), (2, 'login'), (3, 'click')");
        assertThat(multiRow.distributionValues()).as("per task, per row").containsExactly("3", "42", "2");
        assertThat(multiRow.unnamedValues()).isNull();
    }

    @Test
    void should_say_why_citus_named_no_value_for_an_in_list_an_insert_select_and_a_copy() {
        assertThat(first("SELECT count(*) FROM events WHERE owner_id IN (42, 2)").unnamedValuesReason())
                .hasValueSatisfying(why -> assertThat(why).startsWith("Citus planned the query without naming a single distribution "
                        + "column value (it names one, in the command it sends or when planning, only for a query on exactly one "
                        + "value; an IN list,"));
        assertThat(first("INSERT INTO events (owner_id, event_type) SELECT owner_id, event_type FROM events WHERE owner_id = 42")
                .unnamedValuesReason()).hasValueSatisfying(why -> assertThat(why)
                .contains("Citus names no distribution value for the rows an INSERT ... SELECT writes"));
        assertThat(first("COPY events (owner_id, event_type) FROM STDIN").unnamedValuesReason())
                .hasValue("Citus copied rows into the shard with COPY, and names no distribution value for copied rows");
    }

    @Test
    void should_record_a_call_citus_delegated_as_delegated_to_its_worker_and_never_as_not_distributed() {
        RecordedStatement function = first("SELECT events_everywhere($1)");
        assertThat(function.delegatedTo()).containsExactly("worker-2");
        assertThat(function.commands()).containsExactly("SELECT public.events_everywhere('42'::bigint) AS events_everywhere");
        assertThat(function.kind()).isEqualTo(PlanKind.ROUTER);
        assertThat(function.touchesDistributedTables()).as("judged: its body is not seen").isTrue();
        RecordedStatement procedure = first("CALL add_event(42)");
        assertThat(procedure.delegatedTo()).containsExactly("worker-2");
        assertThat(procedure.commands()).containsExactly("CALL public.add_event((42)::bigint)");
    }

    @Test
    void should_judge_what_a_function_body_ran_from_the_coordinator() {
        assertThat(first("SELECT events_local($1)").distributionValues()).as("PL/pgSQL body planned for 42").containsExactly("42");
        List<RecordedStatement> inTransaction = statements.stream().filter(s -> s.sql().equals("SELECT events_everywhere($1)")).toList();
        assertThat(inTransaction).hasSize(2);
        assertThat(inTransaction.get(1).isDelegated()).as("in a transaction block Citus runs the body on the coordinator").isFalse();
        assertThat(inTransaction.get(1).shardIds()).containsExactly(102012L, 102013L, 102014L, 102015L);
        RecordedStatement call = statements.stream().filter(s -> s.sql().equals("CALL add_event(42)")).toList().get(1);
        assertThat(call.isDelegated()).isFalse();
        assertThat(call.distributionValues()).containsExactly("42");
    }

    @Test
    void should_record_refused_statements_as_themselves_in_order_with_their_parameters_and_error() {
        int good = statements.size() - 1;
        while (!statements.get(good).sql().equals("SELECT count(*) FROM events WHERE owner_id = $1")) {
            good--;
        }
        List<RecordedStatement> tail = statements.subList(good, statements.size());

        assertThat(tail).extracting(RecordedStatement::sql).containsExactly("SELECT count(*) FROM events WHERE owner_id = $1",
                "SELECT count(*) FROM events e JOIN users u ON u.email = e.event_type WHERE e.id = $1",
                "SELECT count(*) FROM events e JOIN users u ON u.email = e.event_type", "SELEC $1");
        assertThat(tail.get(0).failure()).as("no statement carries another's error").isEmpty();
        assertThat(tail.get(1).failure()).hasValue("the query contains a join that requires repartitioning");
        assertThat(tail.get(1).parameters()).containsExactly("42");
        assertThat(tail.get(2).failure()).hasValue("the query contains a join that requires repartitioning");
        assertThat(tail.get(3).failure()).hasValue("syntax error at or near \"SELEC\"");
        assertThat(tail.subList(1, 4)).allSatisfy(refused -> assertThat(refused.tasks()).isZero());
    }
}

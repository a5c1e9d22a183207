package io.citustestkit.recording;

import io.citustestkit.plan.PlanKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ties the bodies of the calls Citus delegated to worker-2 to the client statements that caused them, from
 * real logs (Citus 14.0.1 / PostgreSQL 18, every node with the recording settings): the coordinator's
 * "pushing down the function call" and {@code issuing SELECT public.events_of_tenant('42'::bigint)}, and
 * worker-2's session {@code citus_internal gpid=10000000052} (the coordinator's node 1, backend 52) that ran
 * that call and logged what its body ran.
 */
class DelegatedBodiesTest {

    private final List<RecordedStatement> calls = RecordedLogs.delegatedCalls(null);

    @Test
    void should_judge_a_delegated_call_by_the_one_task_its_body_ran_on_the_tenants_shard() {
        RecordedStatement call = calls.get(1);

        assertThat(call.describe()).isEqualTo("SELECT events_of_tenant($1) [42]");
        assertThat(call.delegatedTo()).containsExactly("worker-2");
        assertThat(call.unseenWorkReason()).isEmpty();
        assertThat(call.kind()).isEqualTo(PlanKind.ROUTER);
        assertThat(call.shardIds()).containsExactly(102015L);
        assertThat(call.nodes()).containsExactly("worker-2");
        assertThat(call.distributionValues()).containsExactly("42");
        assertThat(call.commands()).containsExactly("SELECT (SELECT count(*) AS count FROM public.events_102015 events "
                + "WHERE (events.owner_id OPERATOR(pg_catalog.=) $1)) AS count");
        assertThat(calls.get(3).describe()).isEqualTo(call.describe());
        assertThat(calls.get(3).distributionValues()).as("the second call takes the second body").containsExactly("42");
    }

    @Test
    void should_name_the_other_tenant_a_delegated_body_read_on_the_tenants_shard() {
        RecordedStatement call = calls.get(2);

        assertThat(call.describe()).isEqualTo("SELECT events_of_other($1, $2) [42, 2]");
        assertThat(call.shardIds()).containsExactly(102015L);
        assertThat(call.distributionValues()).containsExactly("2");
    }

    @Test
    void should_count_every_task_a_delegated_body_ran_locally_and_sent_on_to_another_worker() {
        RecordedStatement call = calls.get(4);

        assertThat(call.describe()).isEqualTo("SELECT events_everywhere($1) [42]");
        assertThat(call.kind()).isEqualTo(PlanKind.MULTI_SHARD);
        assertThat(call.tasks()).isEqualTo(4);
        assertThat(call.shardIds()).containsExactly(102012L, 102013L, 102014L, 102015L);
        assertThat(call.nodes()).containsExactly("worker-1", "worker-2");
        assertThat(call.unnamedValuesReason()).isPresent();
    }

    @Test
    void should_say_why_a_body_is_not_known_when_the_workers_log_cannot_serve_recording() {
        List<RecordedStatement> unread = RecordedLogs.delegatedCalls(
                "worker-2's log lacks what recording reads: log_statement is 'none', needs 'all': ALTER SYSTEM SET log_statement = 'all'");

        assertThat(unread.subList(1, 5)).allSatisfy(call -> {
            assertThat(call.delegatedTo()).containsExactly("worker-2");
            assertThat(call.unseenWorkReason()).hasValueSatisfying(why ->
                    assertThat(why).startsWith("Citus delegated the call to worker-2 (\"pushing down the function call\"), and what its "
                            + "body ran there is not known: worker-2's log lacks what recording reads: log_statement is 'none', needs 'all'"));
            assertThat(call.shardIds()).isEmpty();
            assertThat(call.kind()).as("never 'not distributed'").isEqualTo(PlanKind.ROUTER);
        });
    }

    @Test
    void should_say_so_when_the_workers_log_shows_no_such_call_from_that_backend() {
        WorkerStatements workers = new WorkerStatements(2); // another coordinator node id: no session of worker-2 matches
        StatementLog coordinator = new StatementLog();
        ClientStatement call = new ClientStatement("SELECT events_of_tenant($1)", List.of("42"));
        call.pid = 52;
        call.commands.add(new ExecutedCommand("worker-2", "SELECT public.events_of_tenant('42'::bigint) AS events_of_tenant").asDelegated());
        workers.add("worker-2", List.of());

        assertThat(workers.take(call, 0)).isNull();
        assertThat(workers.missing(call, 0).unseen()).isEqualTo("worker-2's log shows no statement SELECT public.events_of_tenant("
                + "'42'::bigint) AS events_of_tenant from the coordinator backend that sent it (application_name 'citus_internal "
                + "gpid=20000000052')");
        assertThat(coordinator.statements()).isEmpty();
    }

    @Test
    void should_judge_a_call_with_a_bound_parameter_citus_ran_on_the_coordinator_by_its_commands() {
        RecordedStatement call = calls.get(0);

        assertThat(call.describe()).isEqualTo("CALL log_event($1) [42]");
        assertThat(call.isDelegated()).isFalse();
        assertThat(call.distributionValues()).containsExactly("42");
    }
}

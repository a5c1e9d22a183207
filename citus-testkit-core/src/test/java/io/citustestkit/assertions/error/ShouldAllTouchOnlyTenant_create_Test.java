package io.citustestkit.assertions.error;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.recording.RecordedLogs;
import io.citustestkit.recording.RecordedStatement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldAllBeRoutedToSingleWorker.shouldAllBeRoutedToSingleWorker;
import static io.citustestkit.assertions.error.ShouldAllTouchOnlyTenant.shouldAllTouchOnlyTenant;
import static org.assertj.core.api.BDDAssertions.then;

/**
 * The failures of the tenant verdicts, on statements as a real coordinator log recorded them (Citus
 * 14.0.1 / PostgreSQL 18: the commands are the ones Citus logged, see
 * {@code recording/citus-14.0.1-pg18-coordinator.jsonl}), and delegated calls as the coordinator's and
 * worker-2's logs recorded them ({@code recording/citus-14.0.1-pg18-delegation-*.jsonl}).
 */
class ShouldAllTouchOnlyTenant_create_Test {

    private static final Shard EVENTS_102015 = new Shard(102015, "events", TableKind.DISTRIBUTED, 2, "1073741824", "2147483647",
            List.of(new NodeAddress("worker-2", 5432)));

    private static final RecordedStatement NEIGHBOUR = new RecordedStatement("SELECT count(*) FROM events WHERE owner_id = $1",
            List.of("2"), PlanKind.ROUTER, List.of(EVENTS_102015), List.of("worker-2"),
            List.of("SELECT count(*) AS count FROM public.events_102015 events WHERE (owner_id OPERATOR(pg_catalog.=) $1)"), null,
            List.of("2"), null, List.of());
    private static final RecordedStatement IN_LIST = new RecordedStatement("SELECT count(*) FROM events WHERE owner_id IN (42, 2)",
            List.of(), PlanKind.ROUTER, List.of(EVENTS_102015), List.of("worker-2"),
            List.of("SELECT count(*) AS count FROM public.events_102015 events WHERE (owner_id OPERATOR(pg_catalog.=) ANY "
                    + "(ARRAY[(42)::bigint, (2)::bigint]))"), null,
            List.of(), "Citus planned the query without naming a single distribution column value", List.of());
    private static final String WORKER_2_UNREADABLE = "worker-2's log lacks what recording reads: log_statement is 'none', needs "
            + "'all': ALTER SYSTEM SET log_statement = 'all'; SELECT pg_reload_conf();";
    /** {@code SELECT events_everywhere($1)} [42], delegated to worker-2, whose log could not be read. */
    private static final RecordedStatement DELEGATED = RecordedLogs.delegatedCalls(WORKER_2_UNREADABLE).get(4);
    /** The same call, judged by what its body ran on worker-2 (as worker-2's log shows it): every shard. */
    private static final RecordedStatement EVERYWHERE = RecordedLogs.delegatedCalls(null).get(4);
    /** {@code SELECT events_of_other($1, $2)} [42, 2], delegated to worker-2: its body read tenant 2 on 42's shard. */
    private static final RecordedStatement OTHER = RecordedLogs.delegatedCalls(null).get(2);

    private static final Map<RecordedStatement, String> WHY = Map.of(
            NEIGHBOUR, "it touched other tenants: 2 (the distribution values Citus named for its tasks: [2])",
            IN_LIST, "it stayed on tenant 42's shards, but Citus did not name the tenant of every task, so other tenants on the same "
                    + "shard cannot be ruled out: Citus planned the query without naming a single distribution column value",
            DELEGATED, "Citus delegated the call to worker-2 (\"pushing down the function call\"), and what its body ran there is "
                    + "not known: " + WORKER_2_UNREADABLE,
            EVERYWHERE, "its body on worker-2 touched shards of other tenants: events 102012, events 102013, events 102014",
            OTHER, "its body on worker-2 touched other tenants: 2 (the distribution values Citus named for its tasks: [2])");

    @Test
    void should_name_the_other_tenant_the_unnamed_task_and_the_delegated_call_next_to_each_statement() {
        // WHEN
        String message = create(shouldAllTouchOnlyTenant(42L, List.of("events 102015"), 3, 4, List.of(NEIGHBOUR, IN_LIST, DELEGATED),
                WHY::get));
        // THEN
        then(message).isEqualTo("[TEST] \n"
                + "Expecting every recorded statement that touched a distributed table (3 of 4) to touch only tenant 42 "
                + "(on the shards holding it: events 102015),\n"
                + "but 3 did not:\n"
                + "1) SELECT count(*) FROM events WHERE owner_id = $1\n"
                + "   parameters: [2]\n"
                + "   ran 1 time: ROUTER (single-shard router query: one task on one node), 1 task on worker-2\n"
                + "   shards: events 102015\n"
                + "   distribution values: [2]\n"
                + "   it touched other tenants: 2 (the distribution values Citus named for its tasks: [2])\n"
                + "   Citus ran: SELECT count(*) AS count FROM public.events_102015 events WHERE (owner_id OPERATOR(pg_catalog.=) $1)\n"
                + "2) SELECT count(*) FROM events WHERE owner_id IN (42, 2)\n"
                + "   ran 1 time: ROUTER (single-shard router query: one task on one node), 1 task on worker-2\n"
                + "   shards: events 102015\n"
                + "   it stayed on tenant 42's shards, but Citus did not name the tenant of every task, so other tenants on the same "
                + "shard cannot be ruled out: Citus planned the query without naming a single distribution column value\n"
                + "   Citus ran: SELECT count(*) AS count FROM public.events_102015 events WHERE (owner_id OPERATOR(pg_catalog.=) ANY "
                + "(ARRAY[(42)::bigint, (2)::bigint]))\n"
                + "3) SELECT events_everywhere($1)\n"
                + "   parameters: [42]\n"
                + "   ran 1 time: ROUTER (single-shard router query: one task on one node), 1 task on worker-2\n"
                + "   shards: none named\n"
                + "   delegated to: worker-2\n"
                + "   Citus delegated the call to worker-2 (\"pushing down the function call\"), and what its body ran there is not "
                + "known: worker-2's log lacks what recording reads: log_statement is 'none', needs 'all': ALTER SYSTEM SET "
                + "log_statement = 'all'; SELECT pg_reload_conf();\n"
                + "   Citus ran: SELECT public.events_everywhere('42'::bigint) AS events_everywhere");
    }

    @Test
    void should_name_the_worker_the_shards_and_the_values_a_delegated_body_touched() {
        // WHEN
        String message = create(shouldAllTouchOnlyTenant(42L, List.of("events 102015"), 2, 2, List.of(OTHER, EVERYWHERE), WHY::get));
        // THEN
        then(message).endsWith("but 2 did not:\n"
                + "1) SELECT events_of_other($1, $2)\n"
                + "   parameters: [42, 2]\n"
                + "   ran 1 time: ROUTER (single-shard router query: one task on one node), 1 task on worker-2\n"
                + "   shards: events 102015\n"
                + "   distribution values: [2]\n"
                + "   delegated to: worker-2\n"
                + "   its body on worker-2 touched other tenants: 2 (the distribution values Citus named for its tasks: [2])\n"
                + "   Citus ran: SELECT (SELECT count(*) AS count FROM public.events_102015 events WHERE (events.owner_id "
                + "OPERATOR(pg_catalog.=) $2)) AS count\n"
                + "2) SELECT events_everywhere($1)\n"
                + "   parameters: [42]\n"
                + "   ran 1 time: MULTI_SHARD (multi-shard query: one task per shard, pushed down to the workers), 4 tasks on worker-1, worker-2\n"
                + "   shards: events 102012, events 102013, events 102014, events 102015\n"
                + "   delegated to: worker-2\n"
                + "   its body on worker-2 touched shards of other tenants: events 102012, events 102013, events 102014\n"
                + "   Citus ran: SELECT count(*) AS count FROM public.events_102012 events WHERE true\n"
                + "              SELECT count(*) AS count FROM public.events_102014 events WHERE true\n"
                + "              (and 2 more)");
    }

    @Test
    void should_fail_allRoutedToSingleWorker_for_a_delegated_body_that_fanned_out() {
        // WHEN
        String message = create(shouldAllBeRoutedToSingleWorker(1, 1, List.of(EVERYWHERE)));
        // THEN
        then(message).contains("1) SELECT events_everywhere($1)\n")
                .contains("   delegated to: worker-2\n   its body, delegated to worker-2, fanned out to 4 tasks\n");
    }

    @Test
    void should_fail_allRoutedToSingleWorker_for_a_delegated_call_with_the_reason() {
        // WHEN
        String message = create(shouldAllBeRoutedToSingleWorker(1, 1, List.of(DELEGATED)));
        // THEN
        then(message).contains("1) SELECT events_everywhere($1)\n")
                .contains("   Citus delegated the call to worker-2 (\"pushing down the function call\"), and what its body ran there "
                        + "is not known: worker-2's log lacks what recording reads: log_statement is 'none', needs 'all'");
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.PlanParser;
import io.citustestkit.plan.Recordings;
import io.citustestkit.plan.SqlQuery;
import org.junit.jupiter.api.Test;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldBeRoutedToSingleWorker.shouldBeRoutedToSingleWorker;
import static org.assertj.core.api.BDDAssertions.then;

/** The failure of {@code isRoutedToSingleWorker()}, on real plans recorded from Citus 14. */
class ShouldBeRoutedToSingleWorker_create_Test {

    private static final String EXPECTING = "to be routed to a single worker (one task on one node; no subplan,"
            + " no repartition, not pulled to the coordinator)%n";

    @Test
    void should_show_tasks_per_worker_when_query_fans_out_to_all_shards() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("multi_shard_count");
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  SELECT count(*) FROM events%n"
                + EXPECTING
                + "but it runs as 32 tasks on 2 workers: w1 16, w2 16.%n"
                + "Classification: MULTI_SHARD (multi-shard query: one task per shard, pushed down to the workers)%n"
                + "Plan:%n"
                + "  Aggregate%n"
                + "    Custom Scan (Citus Adaptive)%n"
                + "      Task Count: 32 (w1 16, w2 16)"));
    }

    @Test
    void should_show_the_parameters_of_a_parameterized_query() {
        // GIVEN a recorded multi-shard plan, as the plan of a parameterized statement
        DistributedPlan recorded = Recordings.plan("in_list_two_tenants");
        DistributedPlan plan = DistributedPlan.of(SqlQuery.of("SELECT * FROM events WHERE owner_id IN (?, ?)", 1L, 2L),
                recorded.root(), recorded.catalog());
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  SELECT * FROM events WHERE owner_id IN (?, ?)%n"
                + "with parameters:%n"
                + "  [1L, 2L]%n"
                + EXPECTING
                + "but it runs as 2 tasks on 2 workers: w1 1, w2 1.%n"
                + "Classification: MULTI_SHARD (multi-shard query: one task per shard, pushed down to the workers)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus Adaptive)%n"
                + "    Task Count: 2 (w1 1, w2 1)%n"
                + "    Task on w2: events_102041%n"
                + "    Task on w1: events_102064"));
    }

    @Test
    void should_show_one_task_per_shard_of_a_multi_row_insert_across_tenants() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("multi_row_insert");
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  INSERT INTO events (owner_id, event_type) VALUES (1,'a'),(2,'b'),(3,'c')%n"
                + EXPECTING
                + "but it runs as 3 tasks on 2 workers: w1 1, w2 2.%n"
                + "Classification: MULTI_SHARD (multi-shard query: one task per shard, pushed down to the workers)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus Adaptive)%n"
                + "    Task Count: 3 (w1 1, w2 2)"));
    }

    @Test
    void should_show_the_subplan_that_fans_out_before_the_main_query() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("cte_with_multi_shard_subplan");
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  WITH top AS (SELECT owner_id FROM events GROUP BY owner_id ORDER BY count(*) DESC LIMIT 5)"
                + " SELECT * FROM users WHERE id IN (SELECT owner_id FROM top)%n"
                + EXPECTING
                + "but it runs 1 distributed subplan first: subplan 1 runs as 32 tasks on 2 workers: w1 16, w2 16;"
                + " then the main query runs as 32 tasks on 2 workers: w1 16, w2 16.%n"
                + "Classification: RECURSIVE (recursively planned: distributed subplans run first)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus Adaptive)%n"
                + "    Distributed Subplan 1%n"
                + "      Limit%n"
                + "        Sort%n"
                + "          Custom Scan (Citus Adaptive)%n"
                + "            Task Count: 32 (w1 16, w2 16)%n"
                + "    Task Count: 32 (w1 16, w2 16)"));
    }

    @Test
    void should_say_the_query_was_pruned_to_zero_shards() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("contradiction_zero_tasks");
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  SELECT * FROM events WHERE owner_id = 1 AND owner_id = 2%n"
                + EXPECTING
                + "but it was pruned to zero shards: its filters match no shard, so its only task is a placeholder"
                + " that reads no shard, on coordinator localhost.%n"
                + "Classification: ZERO_TASK (pruned to zero shards: no task reads a shard)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus Adaptive)%n"
                + "    Task Count: 1 (coordinator localhost 1)%n"
                + "    Task on coordinator localhost: no shard (Result)"));
    }

    @Test
    void should_say_a_reference_table_query_runs_on_the_coordinator_and_suggest_its_classification() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("reference_select");
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  SELECT * FROM event_types WHERE id = 1%n"
                + EXPECTING
                + "but it is a reference table query: its single task runs on coordinator coord and reads or writes"
                + " event_types, a table with a copy on every node, so no distribution column routes it"
                + " (to expect this, use isClassifiedAs(PlanKind.REFERENCE_TABLE)).%n"
                + "Classification: REFERENCE_TABLE (reference table query: one task on one copy of a table"
                + " replicated to every node)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus Adaptive)%n"
                + "    Task Count: 1 (coordinator coord 1)%n"
                + "    Task on coordinator coord: event_types_102104"));
    }

    @Test
    void should_say_an_insert_select_for_one_tenant_is_pulled_to_the_coordinator() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("insert_select_router");
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  INSERT INTO user_sessions (owner_id, session_token) SELECT owner_id, 'x' FROM events"
                + " WHERE owner_id = 9%n"
                + EXPECTING
                + "but its INSERT ... SELECT uses method pull to coordinator: the SELECT runs as 1 task on w1,"
                + " then its rows are pulled to the coordinator and inserted from there.%n"
                + "Classification: PULL_TO_COORDINATOR (INSERT ... SELECT or MERGE pulled to the coordinator)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus INSERT ... SELECT)%n"
                + "    INSERT/SELECT method: pull to coordinator%n"
                + "    Select Query%n"
                + "      Custom Scan (Citus Adaptive)%n"
                + "        Task Count: 1 (w1 1)%n"
                + "        Task on w1: events_102068"));
    }

    @Test
    void should_show_the_dependent_jobs_of_a_repartition_join() {
        // GIVEN
        DistributedPlan plan = Recordings.plan(Recordings.REPARTITION_JOIN);
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  SELECT count(*) FROM orders o JOIN products p ON o.product_id = p.id%n"
                + EXPECTING
                + "but it is a repartition join: 2 dependent map/merge jobs (map 32 tasks, merge 12 tasks;"
                + " map 32 tasks, merge 12 tasks) repartition the data between the workers before 12 tasks"
                + " join it.%n"
                + "Classification: REPARTITION (repartitioned between the workers)%n"
                + "Plan:%n"
                + "  Aggregate%n"
                + "    Custom Scan (Citus Adaptive)%n"
                + "      Task Count: 12, Tasks Shown: None, not supported for re-partition queries%n"
                + "      Dependent Job: map 32 tasks, merge 12 tasks%n"
                + "      Dependent Job: map 32 tasks, merge 12 tasks"));
    }

    @Test
    void should_say_a_plain_postgres_query_has_no_citus_scan() {
        // GIVEN
        String json = "[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Relation Name\": \"settings\", \"Alias\": \"s\"}}]";
        DistributedPlan plan = DistributedPlan.of(SqlQuery.of("SELECT * FROM settings s"), PlanParser.parse(json),
                Recordings.catalog(Recordings.CITUS_14));
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  SELECT * FROM settings s%n"
                + EXPECTING
                + "but it has no Citus scan: the coordinator runs it as a plain PostgreSQL plan (no distributed,"
                + " reference or Citus local table).%n"
                + "Classification: LOCAL (not distributed: no Citus scan in the plan)%n"
                + "Plan:%n"
                + "  Seq Scan on settings"));
    }

    @Test
    void should_name_the_schema_each_part_of_a_query_across_two_tenant_schemas_reads() {
        // GIVEN a CTE reading tenant_b (on w1), then the main query on tenant_a (on w2), recorded on Citus 12.1
        DistributedPlan plan = Recordings.plan(Recordings.schemaBased(Recordings.CITUS_12), "cross_tenant_cte", true);
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  WITH other AS MATERIALIZED (SELECT id FROM tenant_b.customers) SELECT count(*) FROM tenant_a.orders"
                + " WHERE customer_id IN (SELECT id FROM other)%n"
                + EXPECTING
                + "but it runs 1 distributed subplan first: subplan 1 runs as 1 task on w1 in distributed schema"
                + " tenant_b; then the main query runs as 1 task on w2 in distributed schema tenant_a; it touches the"
                + " tables of 2 distributed schemas (tenant_a, tenant_b): each distributed schema is a colocation group"
                + " of its own, placed on one node, so no single task can join them.%n"
                + "Classification: RECURSIVE (recursively planned: distributed subplans run first)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus Adaptive)%n"
                + "    Distributed Subplan 1%n"
                + "      Custom Scan (Citus Adaptive)%n"
                + "        Task Count: 1 (w1 1)%n"
                + "        Task on w1: customers_102015%n"
                + "    Task Count: 1 (w2 1)%n"
                + "    Task on w2: orders_102014"));
    }

    @Test
    void should_show_a_union_of_two_tenant_schemas_as_two_subplans_merged_on_the_coordinator() {
        // GIVEN
        DistributedPlan plan = Recordings.schemaBasedPlan("cross_tenant_union");
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).contains(String.format("but it runs 2 distributed subplans first: subplan 1 runs as 1 task on w2 in"
                + " distributed schema tenant_a; subplan 2 runs as 1 task on w1 in distributed schema tenant_b; then the"
                + " main query runs as 1 task on coordinator localhost; it touches the tables of 2 distributed schemas"
                + " (tenant_a, tenant_b): each distributed schema is a colocation group of its own, placed on one node,"
                + " so no single task can join them.%n"
                + "Classification: RECURSIVE (recursively planned: distributed subplans run first)%n"));
    }

    @Test
    void should_name_the_schema_an_insert_select_across_tenants_reads_before_pulling_its_rows() {
        // GIVEN INSERT INTO tenant_a.orders SELECT ... FROM tenant_b.orders
        DistributedPlan plan = Recordings.schemaBasedPlan("cross_tenant_insert_select");
        // WHEN
        String message = create(shouldBeRoutedToSingleWorker(plan));
        // THEN
        then(message).contains(String.format("but its INSERT ... SELECT uses method pull to coordinator: the SELECT runs"
                + " as 1 task on w1 in distributed schema tenant_b, then its rows are pulled to the coordinator and"
                + " inserted from there.%n"
                + "Classification: PULL_TO_COORDINATOR (INSERT ... SELECT or MERGE pulled to the coordinator)%n"));
    }
}

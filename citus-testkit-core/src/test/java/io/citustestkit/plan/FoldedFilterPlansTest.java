package io.citustestkit.plan;

import io.citustestkit.metadata.NodeAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filter the worker folds to false versus a query Citus prunes to no shard, on the recorded
 * {@code EXPLAIN (FORMAT JSON, VERBOSE)} outputs of both versions. Both show one task whose remote plan
 * is a bare {@code Result} with a false filter; only the statement Citus sends tells them apart: the
 * first names its shard ({@code public.articles_hash_102201}), the second reads empty subqueries.
 */
class FoldedFilterPlansTest {

    static List<String> versions() {
        return Recordings.VERBOSE_VERSIONS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void should_route_a_query_whose_filter_the_worker_folds_to_false_to_its_shard(String version) {
        for (String name : List.of("router_false_filter", "router_immutable_false_filter", "router_hash_range_join_one_value")) {
            // WHEN
            DistributedPlan plan = Recordings.plan(version, name, true);
            // THEN
            Task task = plan.tasks().get(0);
            assertThat(task.remotePlan().label()).as(name + ": the worker's plan names no shard").isEqualTo("Result");
            assertThat(plan.kind()).as(name).isEqualTo(PlanKind.ROUTER);
            assertThat(plan.shards()).as(name).extracting(ShardRelation::relationName).containsExactly("articles_hash_102201");
            assertThat(plan.nodes()).as(name).containsExactly(new NodeAddress("w1", 5432));
            assertThat(plan.isRoutedToSingleNode()).as(name + ": the single-worker verdict").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void should_keep_a_query_citus_pruned_to_no_shard_zero_task_wherever_its_placeholder_task_runs(String version) {
        for (String name : List.of("contradiction_zero_tasks", "zero_tasks_join_false_filter", Recordings.CONTRADICTION_ROUND_ROBIN)) {
            // WHEN
            DistributedPlan plan = Recordings.plan(version, name, true);
            // THEN
            assertThat(plan.tasks().get(0).query()).as(name).contains("WHERE false)");
            assertThat(plan.kind()).as(name).isEqualTo(PlanKind.ZERO_TASK);
            assertThat(plan.nodes()).as(name).isEmpty();
            assertThat(plan.isRoutedToSingleNode()).as(name).isFalse();
        }
        assertThat(Recordings.plan(version, Recordings.CONTRADICTION_ROUND_ROBIN, true).tasks().get(0).node().host())
                .as("with round-robin task assignment the placeholder task runs on a worker: the node is no signal")
                .isEqualTo("w1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void should_not_see_the_shard_of_a_folded_filter_without_the_task_query(String version) {
        // GIVEN the same output without VERBOSE's "Query" (what a plain EXPLAIN (FORMAT JSON) shows)
        String json = Recordings.explainOutput(version, "router_false_filter", true).replaceAll("\"Query\": \"[^\n]*\",\n", "");
        // WHEN
        DistributedPlan plan = DistributedPlan.of(Recordings.query("router_false_filter"), PlanParser.parse(json),
                Recordings.catalog(version));
        // THEN
        assertThat(plan.tasks().get(0).query()).isNull();
        assertThat(plan.kind()).as("a remote plan alone cannot tell: why ExplainRunner explains with VERBOSE")
                .isEqualTo(PlanKind.ZERO_TASK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void should_not_take_a_column_named_like_a_shard_in_a_pruned_query_for_a_shard(String version) {
        // GIVEN the placeholder task's query, its filter on a column "line_102041" (102041 is a shard of events)
        String json = Recordings.explainOutput(version, "contradiction_zero_tasks", true)
                .replace("WHERE ((owner_id OPERATOR", "WHERE ((events.line_102041 OPERATOR");
        // WHEN
        DistributedPlan plan = DistributedPlan.of(Recordings.query("contradiction_zero_tasks"), PlanParser.parse(json),
                Recordings.catalog(version));
        // THEN
        assertThat(plan.tasks().get(0).query()).contains("events.line_102041");
        assertThat(plan.kind()).isEqualTo(PlanKind.ZERO_TASK);
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.Recordings;
import org.junit.jupiter.api.Test;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldTouchShards.shouldTouchShards;
import static org.assertj.core.api.BDDAssertions.then;

class ShouldTouchShards_create_Test {

    @Test
    void should_list_the_shards_an_in_list_touches() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("in_list_two_tenants");
        // WHEN
        String message = create(shouldTouchShards(plan, 1));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  SELECT * FROM events WHERE owner_id IN (1, 2)%n"
                + "to touch 1 shard (colocated shards with the same hash range count once)%n"
                + "but it touches 2 shards: events_102041, events_102064; it runs as 2 tasks on 2 workers:"
                + " w1 1, w2 1.%n"
                + "Classification: MULTI_SHARD (multi-shard query: one task per shard, pushed down to the workers)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus Adaptive)%n"
                + "    Task Count: 2 (w1 1, w2 1)%n"
                + "    Task on w2: events_102041%n"
                + "    Task on w1: events_102064"));
    }

    @Test
    void should_count_colocated_shards_of_a_subplan_and_its_main_query_as_shard_groups() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("cte_with_multi_shard_subplan");
        // WHEN
        String message = create(shouldTouchShards(plan, 1));
        // THEN
        then(message).contains(String.format("to touch 1 shard (colocated shards with the same hash range count once)%n"
                + "but it touches 32 shard groups (64 shards: events_102040, events_102041, events_102042,"
                + " events_102043, events_102044, events_102045, events_102046, events_102047 and 56 more);"
                + " it runs 1 distributed subplan first"));
    }

    @Test
    void should_say_the_shards_are_unknown_when_citus_lists_one_task_of_many() {
        // GIVEN a plan explained with Citus's defaults
        DistributedPlan plan = Recordings.plan(Recordings.CITUS_14, "multi_shard_count", false);
        // WHEN
        String message = create(shouldTouchShards(plan, 32));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  SELECT count(*) FROM events%n"
                + "to touch 32 shards (colocated shards with the same hash range count once)%n"
                + "but Citus did not list every task, so the shards it touches are unknown: it runs as 32 tasks"
                + " (EXPLAIN listed 1: w1 1).%n"
                + "Classification: MULTI_SHARD (multi-shard query: one task per shard, pushed down to the workers)%n"
                + "Plan:%n"
                + "  Aggregate%n"
                + "    Custom Scan (Citus Adaptive)%n"
                + "      Task Count: 32 (w1 1), Tasks Shown: One of 32%n"
                + "      Task on w1: events_102040"));
    }
}

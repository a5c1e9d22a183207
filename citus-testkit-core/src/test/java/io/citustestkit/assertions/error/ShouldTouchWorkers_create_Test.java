package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.Recordings;
import org.junit.jupiter.api.Test;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldTouchWorkers.shouldTouchWorkers;
import static org.assertj.core.api.BDDAssertions.then;

class ShouldTouchWorkers_create_Test {

    @Test
    void should_name_the_nodes_a_multi_shard_query_runs_on() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("multi_shard_update");
        // WHEN
        String message = create(shouldTouchWorkers(plan, 1));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  UPDATE events SET event_type = 'x' WHERE event_type = 'y'%n"
                + "to run its tasks on 1 node%n"
                + "but they run on 2: w1:5432, w2:5432; it runs as 32 tasks on 2 workers: w1 16, w2 16.%n"
                + "Classification: MULTI_SHARD (multi-shard query: one task per shard, pushed down to the workers)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus Adaptive)%n"
                + "    Task Count: 32 (w1 16, w2 16)"));
    }

    @Test
    void should_say_a_query_pruned_to_zero_shards_runs_on_no_node() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("contradiction_zero_tasks");
        // WHEN
        String message = create(shouldTouchWorkers(plan, 1));
        // THEN
        then(message).contains(String.format("to run its tasks on 1 node%n"
                + "but they run on 0: none; it was pruned to zero shards"));
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.Recordings;
import org.junit.jupiter.api.Test;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldHaveNoSubplans.shouldHaveNoSubplans;
import static org.assertj.core.api.BDDAssertions.then;

class ShouldHaveNoSubplans_create_Test {

    @Test
    void should_show_the_subplan_of_a_cte_that_is_not_inlined() {
        // GIVEN
        DistributedPlan plan = Recordings.plan(Recordings.CITUS_12, "cte_with_multi_shard_subplan", true);
        // WHEN
        String message = create(shouldHaveNoSubplans(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  WITH top AS (SELECT owner_id FROM events GROUP BY owner_id ORDER BY count(*) DESC LIMIT 5)"
                + " SELECT * FROM users WHERE id IN (SELECT owner_id FROM top)%n"
                + "to have no distributed subplan%n"
                + "but it runs 1 distributed subplan first: subplan 1 runs as 32 tasks on 2 workers: w1 16, w2 16.%n"
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
}

package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.plan.Recordings;
import org.junit.jupiter.api.Test;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldBeClassifiedAs.shouldBeClassifiedAs;
import static org.assertj.core.api.BDDAssertions.then;

class ShouldBeClassifiedAs_create_Test {

    @Test
    void should_show_expected_and_actual_kind_of_a_reference_join_fanning_out() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("reference_join_multi_shard");
        // WHEN
        String message = create(shouldBeClassifiedAs(plan, PlanKind.ROUTER));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  SELECT et.name, count(*) FROM events e JOIN event_types et ON e.event_type = et.name"
                + " GROUP BY et.name%n"
                + "to be classified as ROUTER (single-shard router query: one task on one node)%n"
                + "but it runs as 32 tasks on 2 workers: w1 16, w2 16, each task joining reference table"
                + " event_types.%n"
                + "Classification: MULTI_SHARD_WITH_REFERENCE_JOIN (multi-shard query joining a reference table:"
                + " one task per shard)%n"
                + "Plan:%n"
                + "  Aggregate%n"
                + "    Custom Scan (Citus Adaptive)%n"
                + "      Task Count: 32 (w1 16, w2 16)"));
    }
}

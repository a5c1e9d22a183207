package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.PlanKind;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code isClassifiedAs(kind)}: the plan is of another {@link PlanKind}.
 *
 * <pre>{@code
 * Expecting query:
 *   SELECT et.name, count(*) FROM events e JOIN event_types et ON e.event_type = et.name GROUP BY et.name
 * to be classified as ROUTER (single-shard router query: one task on one node)
 * but it runs as 32 tasks on 2 workers: w1 16, w2 16, each task joining reference table event_types.
 * Classification: MULTI_SHARD_WITH_REFERENCE_JOIN (multi-shard query joining a reference table: one task per shard)
 * Plan: ...
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldBeClassifiedAs extends CitusMessageFactory {

    private ShouldBeClassifiedAs(Evidence.Message message) {
        super(message.format(), message.arguments());
    }

    /**
     * The failure for a plan of another kind.
     *
     * @param plan the statement's plan
     * @param expected the expected kind
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeClassifiedAs(DistributedPlan plan, PlanKind expected) {
        return new ShouldBeClassifiedAs(Evidence.queryMessage(plan, "be classified as " + expected,
                Evidence.whatHappened(plan)));
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code hasNoSubplans()}: a CTE or subquery runs first as a distributed
 * subplan of its own.
 *
 * <pre>{@code
 * Expecting query:
 *   WITH top AS (SELECT owner_id FROM events GROUP BY owner_id ORDER BY count(*) DESC LIMIT 5) ...
 * to have no distributed subplan
 * but it runs 1 distributed subplan first: subplan 1 runs as 32 tasks on 2 workers: w1 16, w2 16.
 * Classification: RECURSIVE (recursively planned: distributed subplans run first)
 * Plan: ...
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveNoSubplans extends CitusMessageFactory {

    private ShouldHaveNoSubplans(Evidence.Message message) {
        super(message.format(), message.arguments());
    }

    /**
     * The failure for a plan with distributed subplans.
     *
     * @param plan the statement's plan
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveNoSubplans(DistributedPlan plan) {
        return new ShouldHaveNoSubplans(Evidence.queryMessage(plan, "have no distributed subplan",
                Evidence.subplans(plan)));
    }
}

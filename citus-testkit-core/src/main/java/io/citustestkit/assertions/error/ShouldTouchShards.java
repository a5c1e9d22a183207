package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code touchesShards(n)}: the statement touches another number of shard
 * groups, or Citus did not list its tasks so the number is unknown.
 *
 * <pre>{@code
 * Expecting query:
 *   SELECT * FROM events WHERE owner_id IN (1, 2)
 * to touch 1 shard (colocated shards with the same hash range count once)
 * but it touches 2 shards: events_102041, events_102064; it runs as 2 tasks on 2 workers: w1 1, w2 1.
 * Classification: MULTI_SHARD (...)
 * Plan: ...
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldTouchShards extends CitusMessageFactory {

    private ShouldTouchShards(Evidence.Message message) {
        super(message.format(), message.arguments());
    }

    /**
     * The failure for a plan whose tasks touch another number of shard groups than expected.
     *
     * @param plan the statement's plan
     * @param expected the expected number of shard groups
     * @return the message factory
     */
    public static ErrorMessageFactory shouldTouchShards(DistributedPlan plan, int expected) {
        String but = plan.allTasksListed()
                ? "it touches " + Evidence.shardGroups(plan) + "; " + Evidence.whatHappened(plan)
                : "Citus did not list every task, so the shards it touches are unknown: " + Evidence.whatHappened(plan);
        String expectation = "touch " + expected + " shard" + (expected == 1 ? "" : "s")
                + " (colocated shards with the same hash range count once)";
        return new ShouldTouchShards(Evidence.queryMessage(plan, expectation, but));
    }
}

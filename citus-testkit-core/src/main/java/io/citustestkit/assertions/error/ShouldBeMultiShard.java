package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code isMultiShard()}: the statement does not run as one job of several
 * tasks pushed down to the shards.
 *
 * <pre>{@code
 * Expecting query:
 *   SELECT * FROM events WHERE owner_id = 123
 * to be a multi-shard query (one job of several tasks, pushed down to the shards)
 * but it runs as 1 task on w1 (events_102054).
 * Classification: ROUTER (single-shard router query: one task on one node)
 * Plan: ...
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldBeMultiShard extends CitusMessageFactory {

    private static final String EXPECTED = "be a multi-shard query (one job of several tasks, pushed down to the shards)";

    private ShouldBeMultiShard(Evidence.Message message) {
        super(message.format(), message.arguments());
    }

    /**
     * The failure for a plan that is not {@code MULTI_SHARD} or {@code MULTI_SHARD_WITH_REFERENCE_JOIN}.
     *
     * @param plan the statement's plan
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeMultiShard(DistributedPlan plan) {
        return new ShouldBeMultiShard(Evidence.queryMessage(plan, EXPECTED, Evidence.whatHappened(plan)));
    }
}

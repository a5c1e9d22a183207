package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code isRoutedToSingleWorker()}: the statement does not run as one task on
 * one node. Says what it does instead (the tasks per node, the subplan, the repartition, the pull to
 * the coordinator, the zero-shard pruning, the reference table), with its classification and plan.
 *
 * <pre>{@code
 * Expecting query:
 *   SELECT count(*) FROM events
 * to be routed to a single worker (one task on one node; no subplan, no repartition, not pulled to the coordinator)
 * but it runs as 32 tasks on 2 workers: w1 16, w2 16.
 * Classification: MULTI_SHARD (multi-shard query: one task per shard, pushed down to the workers)
 * Plan:
 *   Aggregate
 *     Custom Scan (Citus Adaptive)
 *       Task Count: 32 (w1 16, w2 16)
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldBeRoutedToSingleWorker extends CitusMessageFactory {

    static final String EXPECTED = "be routed to a single worker"
            + " (one task on one node; no subplan, no repartition, not pulled to the coordinator)";

    private ShouldBeRoutedToSingleWorker(Evidence.Message message) {
        super(message.format(), message.arguments());
    }

    /**
     * The failure for a plan that is not a single-node router plan.
     *
     * @param plan the statement's plan
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeRoutedToSingleWorker(DistributedPlan plan) {
        return new ShouldBeRoutedToSingleWorker(Evidence.queryMessage(plan, EXPECTED, Evidence.whatHappened(plan)));
    }
}

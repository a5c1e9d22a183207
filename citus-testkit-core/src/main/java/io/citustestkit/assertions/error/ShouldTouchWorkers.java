package io.citustestkit.assertions.error;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.plan.DistributedPlan;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code touchesWorkers(n)}: the statement's tasks run on another number of
 * nodes, or Citus did not list its tasks so the number is unknown.
 *
 * <pre>{@code
 * Expecting query:
 *   SELECT count(*) FROM events
 * to run its tasks on 1 node
 * but they run on 2: w1:5432, w2:5432; it runs as 32 tasks on 2 workers: w1 16, w2 16.
 * Classification: MULTI_SHARD (...)
 * Plan: ...
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldTouchWorkers extends CitusMessageFactory {

    private ShouldTouchWorkers(Evidence.Message message) {
        super(message.format(), message.arguments());
    }

    /**
     * The failure for a plan whose tasks run on another number of nodes than expected.
     *
     * @param plan the statement's plan
     * @param expected the expected number of nodes
     * @return the message factory
     */
    public static ErrorMessageFactory shouldTouchWorkers(DistributedPlan plan, int expected) {
        String nodes = plan.nodes().isEmpty()
                ? "none"
                : plan.nodes().stream().map(NodeAddress::toString).collect(Collectors.joining(", "));
        String but = plan.allTasksListed()
                ? "they run on " + plan.nodes().size() + ": " + nodes + "; " + Evidence.whatHappened(plan)
                : "Citus did not list every task, so the nodes they run on are unknown: " + Evidence.whatHappened(plan);
        String expectation = "run its tasks on " + expected + " node" + (expected == 1 ? "" : "s");
        return new ShouldTouchWorkers(Evidence.queryMessage(plan, expectation, but));
    }
}

package io.citustestkit.plan;

import io.citustestkit.metadata.NodeAddress;

import java.util.List;

/**
 * One task of a distributed job: the node that runs it and the shards its remote plan reads or
 * writes.
 *
 * <pre>{@code
 * Task task = plan.tasks().get(0);
 * task.node();    // w1:5432
 * task.shards();  // [events_102054]
 * }</pre>
 *
 * @param node the node the task runs on, or {@code null} if Citus could not fetch its remote plan
 * @param shards the shard relations the remote plan reads or writes, in plan order, without duplicates
 * @param remotePlan the root of the remote plan, or {@code null} if Citus could not fetch it
 * @param error Citus's {@code "Error"} for the task (e.g. "Could not get remote plan."), or {@code null}
 */
public record Task(NodeAddress node, List<ShardRelation> shards, PlanNode remotePlan, String error) {

    public Task {
        shards = List.copyOf(shards);
    }

    /**
     * Whether this task reads no shard although its remote plan is known: what Citus runs for a
     * query pruned to zero shards (a {@code Result} node with a false filter).
     */
    public boolean readsNoShard() {
        return shards.isEmpty() && remotePlan != null && error == null;
    }
}

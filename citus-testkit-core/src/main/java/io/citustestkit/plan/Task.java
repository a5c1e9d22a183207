package io.citustestkit.plan;

import io.citustestkit.metadata.NodeAddress;
import org.apiguardian.api.API;

import java.util.List;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * One task of a distributed job: the node that runs it, the statement Citus sends there, and the
 * shards that statement reads or writes.
 *
 * <pre>{@code
 * Task task = plan.tasks().get(0);
 * task.node();    // w1:5432
 * task.query();   // SELECT ... FROM public.events_102054 events WHERE (owner_id OPERATOR(pg_catalog.=) 123)
 * task.shards();  // [events_102054]
 * }</pre>
 *
 * @param node the node the task runs on, or {@code null} if Citus could not fetch its remote plan
 * @param shards the shard relations the task reads or writes, in order, without duplicates: those its
 *               {@code query} names, or, when EXPLAIN gave no query (without {@code VERBOSE}), those
 *               its remote plan scans; a {@link DistributedPlan} keeps only those its catalog knows
 * @param remotePlan the root of the remote plan, or {@code null} if Citus could not fetch it
 * @param error Citus's {@code "Error"} for the task (e.g. "Could not get remote plan."), or {@code null}
 * @param query the statement Citus sends to the node ({@code "Query"}, shown by {@code EXPLAIN (VERBOSE)}),
 *              or {@code null}
 */
@API(status = STABLE, since = "0.1")
public record Task(NodeAddress node, List<ShardRelation> shards, PlanNode remotePlan, String error, String query) {

    /**
     * Creates the task, copying its shards.
     *
     * @param node the node the task runs on, or {@code null} if Citus could not fetch its remote plan
     * @param shards the shard relations the task reads or writes, in order, without duplicates: those its
     *               {@code query} names, or, when EXPLAIN gave no query (without {@code VERBOSE}), those its
     *               remote plan scans; a {@link DistributedPlan} keeps only those its catalog knows
     * @param remotePlan the root of the remote plan, or {@code null} if Citus could not fetch it
     * @param error Citus's {@code "Error"} for the task (e.g. "Could not get remote plan."), or {@code null}
     * @param query the statement Citus sends to the node ({@code "Query"}, shown by {@code EXPLAIN (VERBOSE)}), or
     *              {@code null}
     */
    public Task {
        shards = List.copyOf(shards);
    }

    /**
     * Whether this task reads no shard although it is known what it runs: the placeholder task Citus
     * runs for a query pruned to zero shards, whose query reads empty subqueries instead of tables
     * (its remote plan is a {@code Result} with a false filter). A task whose filter the worker folds
     * to false is not one: its query still names its shard.
     *
     * @return whether the task reads no shard
     */
    public boolean readsNoShard() {
        return shards.isEmpty() && remotePlan != null && error == null;
    }

    /** The same task with other shards. */
    Task withShards(List<ShardRelation> newShards) {
        return new Task(node, newShards, remotePlan, error, query);
    }
}

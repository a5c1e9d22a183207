package io.citustestkit.report;

import io.citustestkit.plan.PlanKind;
import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * How costly a way of running a statement is for a distributed database, worst first: the order of
 * the report.
 *
 * <pre>{@code
 * ShapeSeverity.of(PlanKind.MULTI_SHARD); // MULTI_SHARD: one task per shard, on every worker
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public enum ShapeSeverity {

    /** Rows moved between the workers. */
    REPARTITION("repartition", "rows repartitioned between the workers"),

    /** Intermediate results pulled to the coordinator (subplans, INSERT ... SELECT or MERGE through the coordinator). */
    PULL_TO_COORDINATOR("pull-to-coordinator", "intermediate results pulled to the coordinator"),

    /** One task per shard: the statement fans out to every shard. */
    MULTI_SHARD("multi-shard", "one task per shard: fans out over the shards"),

    /** One task on one node: the tenant's shard only. */
    ROUTER("router", "one task on one node: one tenant's shard"),

    /** No distributed table: reference tables, Citus local tables, no shard at all. */
    NOT_DISTRIBUTED("not distributed", "no distributed table: reference or local tables, or no shard");

    private final String label;
    private final String description;

    ShapeSeverity(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /**
     * The severity of a way Citus ran a statement.
     *
     * @param kind how Citus ran it
     * @return its severity
     */
    public static ShapeSeverity of(PlanKind kind) {
        return switch (kind) {
            case REPARTITION -> REPARTITION;
            case PULL_TO_COORDINATOR, RECURSIVE -> PULL_TO_COORDINATOR;
            case MULTI_SHARD, MULTI_SHARD_WITH_REFERENCE_JOIN -> MULTI_SHARD;
            case ROUTER -> ROUTER;
            case REFERENCE_TABLE, CITUS_LOCAL_TABLE, ZERO_TASK, LOCAL -> NOT_DISTRIBUTED;
        };
    }

    /** {@return the short name the report shows, e.g. {@code multi-shard}} */
    public String label() {
        return label;
    }

    /** {@return what it means, in a few words} */
    public String description() {
        return description;
    }
}

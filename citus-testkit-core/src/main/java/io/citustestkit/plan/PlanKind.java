package io.citustestkit.plan;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * What a distributed plan does, in the terms users reason about. Decided by {@link DistributedPlan}
 * from the EXPLAIN output and the Citus catalogs, checking the rules below in this order (the first
 * that applies wins):
 *
 * <ol>
 *   <li>{@link #LOCAL}: no Citus custom scan at all;</li>
 *   <li>{@link #REPARTITION}: a job with {@code Dependent Jobs}, or a method {@code repartition};</li>
 *   <li>{@link #PULL_TO_COORDINATOR}: a method {@code pull to coordinator};</li>
 *   <li>{@link #RECURSIVE}: a distributed subplan;</li>
 *   <li>{@link #ZERO_TASK}: one job, with no task, or with one task that reads no shard (its query
 *       names no shard: Citus replaced every table by an empty subquery);</li>
 *   <li>one job with one task: {@link #ROUTER} if it touches a distributed table's shard, else
 *       {@link #CITUS_LOCAL_TABLE} or {@link #REFERENCE_TABLE};</li>
 *   <li>otherwise {@link #MULTI_SHARD_WITH_REFERENCE_JOIN} if a task reads a reference table, else
 *       {@link #MULTI_SHARD}.</li>
 * </ol>
 *
 * <p>As recorded on Citus 12.1 and 14.0 with the schema of the README: {@code WHERE owner_id = 123},
 * a colocated join or a reference join filtered to one tenant, single-row {@code INSERT},
 * {@code UPDATE}/{@code DELETE} by tenant and an inlined router CTE are {@code ROUTER};
 * {@code count(*)}, multi-shard {@code UPDATE}, a multi-row {@code INSERT} across tenants and
 * {@code IN (1, 2)} are {@code MULTI_SHARD}; a reference {@code SELECT} or {@code INSERT} (one task,
 * on the coordinator) is {@code REFERENCE_TABLE}; a CTE with {@code GROUP BY ... LIMIT} is
 * {@code RECURSIVE}; {@code owner_id = 1 AND owner_id = 2} is {@code ZERO_TASK}, but
 * {@code author_id = 1 AND 1 = 0} is {@code ROUTER} (Citus sends it to the shard, whose worker folds
 * the filter); an
 * {@code INSERT ... SELECT} into a table whose {@code bigserial} default Citus evaluates on the
 * coordinator is {@code PULL_TO_COORDINATOR} even when filtered to one tenant.
 *
 * <p>With schema-based sharding (a schema per tenant, every table of a distributed schema a
 * single-shard table of the schema's colocation group), as recorded on Citus 12.1 and 14.0: a
 * statement on one tenant's schema, its joins between that schema's tables and with reference tables
 * included, is {@code ROUTER} (one task, on the node holding the schema); a join across two tenants'
 * schemas is refused ("the query contains a join that requires repartitioning"), or
 * {@code REPARTITION} with {@code citus.enable_repartition_joins}; a CTE, subquery or {@code UNION}
 * across them is {@code RECURSIVE} (the other tenant's rows are read by a subplan first); an
 * {@code INSERT ... SELECT} across them is {@code PULL_TO_COORDINATOR}. There is no kind of its own
 * for schema-based sharding: the kind says how the statement runs, the same for a tenant routed by its
 * schema as by its distribution column; {@link DistributedPlan#distributedSchemas()} and the failure
 * messages name the schemas a statement touches.
 *
 * <pre>{@code
 * assertThatQuery(dataSource, "SELECT count(*) FROM events").isClassifiedAs(PlanKind.MULTI_SHARD);
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public enum PlanKind {

    /**
     * One task on one shard group, on one node: the statement is routed by its distribution column, or
     * stays inside one distributed schema (whose tables form one shard group).
     */
    ROUTER("single-shard router query: one task on one node"),

    /** One job of several tasks, pushed down to the shards (each task reads or writes its own shard). */
    MULTI_SHARD("multi-shard query: one task per shard, pushed down to the workers"),

    /** Like {@link #MULTI_SHARD}, each task also joining a reference table's local copy. */
    MULTI_SHARD_WITH_REFERENCE_JOIN("multi-shard query joining a reference table: one task per shard"),

    /**
     * One task that touches reference tables only. Reads go to any copy (the coordinator's when it
     * is in the metadata), writes to every copy, so it is not routed to a single worker.
     */
    REFERENCE_TABLE("reference table query: one task on one copy of a table replicated to every node"),

    /** One task that touches Citus local tables (and possibly reference tables): it runs on the coordinator. */
    CITUS_LOCAL_TABLE("Citus local table query: one task on the coordinator"),

    /**
     * Data is repartitioned between workers: a repartition join ({@code Dependent Jobs}, with
     * {@code citus.enable_repartition_joins}) or an {@code INSERT ... SELECT}/{@code MERGE} with
     * method {@code repartition}.
     */
    REPARTITION("repartitioned between the workers"),

    /** An {@code INSERT ... SELECT} or {@code MERGE} whose source rows are pulled to the coordinator first. */
    PULL_TO_COORDINATOR("INSERT ... SELECT or MERGE pulled to the coordinator"),

    /** A CTE or subquery runs first as a distributed subplan of its own; the main query reads its result. */
    RECURSIVE("recursively planned: distributed subplans run first"),

    /**
     * The filters match no shard: Citus plans no task, or one placeholder task that reads no shard
     * (its query reads {@code (SELECT NULL::bigint AS id ... WHERE false)} instead of a table; recorded
     * on {@code host=localhost}, or on a worker with {@code citus.task_assignment_policy = round-robin}).
     * Not a query whose filter only the worker folds to false ({@code WHERE author_id = 1 AND 1 = 0}):
     * Citus routes that one to its shard, a {@link #ROUTER} plan.
     */
    ZERO_TASK("pruned to zero shards: no task reads a shard"),

    /** No Citus custom scan: only plain PostgreSQL tables (or none), executed by the node itself. */
    LOCAL("not distributed: no Citus scan in the plan");

    private final String description;

    PlanKind(String description) {
        this.description = description;
    }

    /** {@return what the kind means, for messages, e.g. {@code "single-shard router query: one task on one node"}} */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return name() + " (" + description + ")";
    }
}

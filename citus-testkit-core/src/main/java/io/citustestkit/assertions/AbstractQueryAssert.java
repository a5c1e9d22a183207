package io.citustestkit.assertions;

import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.ExplainRunner;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.plan.QueryRejectedException;
import io.citustestkit.plan.SqlQuery;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

import java.util.Objects;

import static io.citustestkit.assertions.error.ShouldBeAcceptedByServer.shouldBeAcceptedByServer;
import static io.citustestkit.assertions.error.ShouldBeClassifiedAs.shouldBeClassifiedAs;
import static io.citustestkit.assertions.error.ShouldBeMultiShard.shouldBeMultiShard;
import static io.citustestkit.assertions.error.ShouldBeRoutedToSingleWorker.shouldBeRoutedToSingleWorker;
import static io.citustestkit.assertions.error.ShouldHaveNoRepartition.shouldHaveNoRepartition;
import static io.citustestkit.assertions.error.ShouldHaveNoSubplans.shouldHaveNoSubplans;
import static io.citustestkit.assertions.error.ShouldTouchShards.shouldTouchShards;
import static io.citustestkit.assertions.error.ShouldTouchWorkers.shouldTouchWorkers;
import static org.apiguardian.api.API.Status.STABLE;

/**
 * Assertions on how Citus distributes a statement. The statement is explained on first use (see
 * {@link ExplainRunner}: {@code EXPLAIN (FORMAT JSON)} in a rolled-back transaction, never
 * executed), once per assertion object, and every check reads that plan.
 *
 * <p>A statement the server rejects fails every check with the server's message, position and
 * HINT (the {@link java.sql.SQLException} is the cause). A database without the citus extension
 * raises {@link io.citustestkit.metadata.CitusNotInstalledException}.
 *
 * <pre>{@code
 * assertThatQuery(dataSource, "SELECT * FROM events WHERE owner_id = ?", 42L)
 *         .isRoutedToSingleWorker()
 *         .touchesShards(1)
 *         .hasNoSubplans();
 * }</pre>
 *
 * @param <SELF> the "self" type of this assertion class
 */
@API(status = STABLE, since = "0.1")
public abstract class AbstractQueryAssert<SELF extends AbstractQueryAssert<SELF>> extends AbstractAssert<SELF, SqlQuery> {

    private final Database database;
    private ExplainRunner runner = ExplainRunner.create();
    private DistributedPlan plan;

    AbstractQueryAssert(SqlQuery actual, Database database, Class<?> selfType) {
        super(actual, selfType);
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Sets a configuration parameter for the EXPLAIN of this statement only (transaction-locally),
     * e.g. to let Citus plan a repartition join. Call it before the checks.
     *
     * <pre>{@code
     * assertThatQuery(dataSource, "SELECT count(*) FROM orders o JOIN products p ON o.product_id = p.id")
     *         .withSetting("citus.enable_repartition_joins", "on")
     *         .isClassifiedAs(PlanKind.REPARTITION);
     * }</pre>
     *
     * @param name e.g. {@code citus.enable_repartition_joins}
     * @param value e.g. {@code on}
     * @return this assertion object
     */
    public SELF withSetting(String name, String value) {
        runner = runner.withSetting(name, value);
        plan = null;
        return myself;
    }

    /**
     * Verifies that the whole statement runs as one task on one node: one task (from
     * {@code "Task Count"}), no distributed subplan, no repartition, not pulled to the coordinator,
     * touching a distributed table's shard ({@link PlanKind#ROUTER}).
     *
     * <p>A multi-row {@code INSERT} across tenants (a task per shard), a CTE whose subplan fans out, a
     * query pruned to zero shards and an {@code INSERT ... SELECT} pulled to the coordinator fail. So
     * does a statement that touches only reference tables ({@link PlanKind#REFERENCE_TABLE}): its
     * single task runs on whichever copy Citus picks (the coordinator's, when it is in the metadata)
     * and a write goes to every copy; assert it with {@code isClassifiedAs(PlanKind.REFERENCE_TABLE)}.
     * A shard on the coordinator (a single-node cluster) counts as on a worker.
     *
     * @return this assertion object
     */
    public SELF isRoutedToSingleWorker() {
        DistributedPlan actualPlan = plan();
        if (!actualPlan.isRoutedToSingleNode()) {
            throwAssertionError(shouldBeRoutedToSingleWorker(actualPlan));
        }
        return myself;
    }

    /**
     * Verifies that the statement runs as one job of several tasks pushed down to the shards:
     * {@link PlanKind#MULTI_SHARD} or {@link PlanKind#MULTI_SHARD_WITH_REFERENCE_JOIN}. Recursive,
     * repartitioned and pulled-to-coordinator plans fail (check them with {@link #isClassifiedAs}).
     *
     * @return this assertion object
     */
    public SELF isMultiShard() {
        DistributedPlan actualPlan = plan();
        PlanKind kind = actualPlan.kind();
        if (kind != PlanKind.MULTI_SHARD && kind != PlanKind.MULTI_SHARD_WITH_REFERENCE_JOIN) {
            throwAssertionError(shouldBeMultiShard(actualPlan));
        }
        return myself;
    }

    /**
     * Verifies the number of shard groups the statement's tasks touch (subplans included): shards of
     * colocated tables with the same hash range count once, as one task joins them on one node; a
     * reference table's shard counts as one; a query pruned to zero shards touches 0.
     *
     * @param expected the expected number of shard groups
     * @return this assertion object
     */
    public SELF touchesShards(int expected) {
        DistributedPlan actualPlan = plan();
        if (!actualPlan.allTasksListed() || actualPlan.shardGroupCount() != expected) {
            throwAssertionError(shouldTouchShards(actualPlan, expected));
        }
        return myself;
    }

    /**
     * Verifies the number of nodes the statement's tasks run on (subplans included). The coordinator
     * counts when it runs a task (e.g. a reference-table read); a query pruned to zero shards runs on 0.
     *
     * @param expected the expected number of nodes
     * @return this assertion object
     */
    public SELF touchesWorkers(int expected) {
        DistributedPlan actualPlan = plan();
        if (!actualPlan.allTasksListed() || actualPlan.nodes().size() != expected) {
            throwAssertionError(shouldTouchWorkers(actualPlan, expected));
        }
        return myself;
    }

    /**
     * Verifies that no CTE or subquery runs as a distributed subplan of its own.
     *
     * @return this assertion object
     */
    public SELF hasNoSubplans() {
        DistributedPlan actualPlan = plan();
        if (actualPlan.hasSubplans()) {
            throwAssertionError(shouldHaveNoSubplans(actualPlan));
        }
        return myself;
    }

    /**
     * Verifies that no data is repartitioned between workers: no repartition join, no
     * {@code INSERT ... SELECT} or {@code MERGE} with method {@code repartition}.
     *
     * @return this assertion object
     */
    public SELF hasNoRepartition() {
        DistributedPlan actualPlan = plan();
        if (actualPlan.hasRepartition()) {
            throwAssertionError(shouldHaveNoRepartition(actualPlan));
        }
        return myself;
    }

    /**
     * Verifies the plan's {@link PlanKind}.
     *
     * @param expected the expected kind
     * @return this assertion object
     */
    public SELF isClassifiedAs(PlanKind expected) {
        Objects.requireNonNull(expected, "expected");
        DistributedPlan actualPlan = plan();
        if (actualPlan.kind() != expected) {
            throwAssertionError(shouldBeClassifiedAs(actualPlan, expected));
        }
        return myself;
    }

    /**
     * The statement's plan, explained on first use, for checks this class does not have.
     *
     * @return the plan
     */
    public DistributedPlan plan() {
        isNotNull();
        if (plan == null) {
            try {
                plan = database.explain(runner, actual);
            } catch (QueryRejectedException rejected) {
                AssertionError error = assertionError(shouldBeAcceptedByServer(actual, rejected.serverError()));
                if (error.getCause() == null) {
                    error.initCause(rejected.getCause());
                }
                throw error;
            }
        }
        return plan;
    }
}

package io.citustestkit.plan;

import org.apiguardian.api.API;

import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * A distributed subplan: a CTE or subquery Citus plans recursively and runs as its own job before
 * the main query, which then reads its result as an intermediate result.
 *
 * <pre>{@code
 * Subplan cte = plan.subplans().get(0);
 * cte.number();  // 1
 * cte.plan();    // Limit -> Sort -> Custom Scan (Citus Adaptive), Task Count: 32
 * }</pre>
 *
 * @param number the subplan's 1-based position among the subplans of its scan
 * @param plan the root of the subplan's plan
 */
@API(status = STABLE, since = "0.1")
public record Subplan(int number, PlanNode plan) {

    /**
     * Creates the subplan.
     *
     * @param number the subplan's 1-based position among the subplans of its scan
     * @param plan the root of the subplan's plan
     */
    public Subplan {
        Objects.requireNonNull(plan, "plan");
    }
}

package io.citustestkit.plan;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * A Citus custom scan in a plan: {@code Citus Adaptive} (router, multi-shard, repartition joins,
 * pushed-down {@code INSERT ... SELECT}), {@code Citus INSERT ... SELECT} or
 * {@code Citus MERGE INTO ...} (when Citus cannot push the statement down).
 *
 * <pre>{@code
 * CitusScan scan = plan.citusScans().get(0);
 * scan.provider();     // "Citus INSERT ... SELECT"
 * scan.method();       // Optional[REPARTITION]
 * scan.sourceQuery();  // the SELECT's plan, itself with a Citus Adaptive scan
 * }</pre>
 *
 * @param provider the {@code "Custom Plan Provider"}, e.g. {@code Citus Adaptive}
 * @param subplans the distributed subplans that run before the scan's job
 * @param job the scan's job, or {@code null} for {@code INSERT ... SELECT} and {@code MERGE} scans
 * @param methodProperty the property naming the method, e.g. {@code INSERT/SELECT method}, or {@code null}
 * @param methodLabel the method as EXPLAIN shows it, e.g. {@code pull to coordinator}, or {@code null}
 * @param sourceQuery the plan of the {@code "Select Query"} or {@code "Source Query"}, or {@code null}
 */
@API(status = STABLE, since = "0.1")
public record CitusScan(String provider, List<Subplan> subplans, Job job, String methodProperty,
                        String methodLabel, PlanNode sourceQuery) {

    /** The provider of the scan that runs router, multi-shard and repartition jobs. */
    public static final String ADAPTIVE = "Citus Adaptive";

    /** The provider of an {@code INSERT ... SELECT} that is not pushed down. */
    public static final String INSERT_SELECT = "Citus INSERT ... SELECT";

    /** The provider of a {@code MERGE} that is not pushed down. */
    public static final String MERGE = "Citus MERGE INTO ...";

    /**
     * Creates the scan, copying its subplans.
     *
     * @param provider the {@code "Custom Plan Provider"}, e.g. {@code Citus Adaptive}
     * @param subplans the distributed subplans that run before the scan's job
     * @param job the scan's job, or {@code null} for {@code INSERT ... SELECT} and {@code MERGE} scans
     * @param methodProperty the property naming the method, e.g. {@code INSERT/SELECT method}, or {@code null}
     * @param methodLabel the method as EXPLAIN shows it, e.g. {@code pull to coordinator}, or {@code null}
     * @param sourceQuery the plan of the {@code "Select Query"} or {@code "Source Query"}, or {@code null}
     */
    public CitusScan {
        Objects.requireNonNull(provider, "provider");
        subplans = List.copyOf(subplans);
    }

    /** {@return how a non-pushed-down {@code INSERT ... SELECT} or {@code MERGE} runs, if this scan is one} */
    public Optional<ModifyWithSelectMethod> method() {
        return methodLabel == null ? Optional.empty() : ModifyWithSelectMethod.fromLabel(methodLabel);
    }

    /** {@return whether this scan has subplans that run before its job} */
    public boolean hasSubplans() {
        return !subplans.isEmpty();
    }
}

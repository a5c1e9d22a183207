package io.citustestkit.plan;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * One node of a PostgreSQL plan as {@code EXPLAIN (FORMAT JSON)} shows it, with the Citus custom
 * scan it is, if any. Only what the distributed plan model needs is kept.
 *
 * <pre>{@code
 * PlanNode root = PlanParser.parse(json);
 * root.label();              // "Aggregate"
 * root.children().get(0);    // Custom Scan (Citus Adaptive)
 * root.children().get(0).citusScan().job().taskCount();  // 32
 * }</pre>
 *
 * @param nodeType {@code "Node Type"}, e.g. {@code Seq Scan}
 * @param operation {@code "Operation"} of a {@code ModifyTable} node (e.g. {@code Insert}), or {@code null}
 * @param relationName {@code "Relation Name"}, or {@code null}
 * @param customPlanProvider {@code "Custom Plan Provider"}, or {@code null}
 * @param citusScan the Citus scan this node is, or {@code null}
 * @param children {@code "Plans"}: the node's child plans
 */
@API(status = STABLE, since = "0.1")
public record PlanNode(String nodeType, String operation, String relationName, String customPlanProvider,
                       CitusScan citusScan, List<PlanNode> children) {

    /**
     * Creates the node, copying its children.
     *
     * @param nodeType {@code "Node Type"}, e.g. {@code Seq Scan}
     * @param operation {@code "Operation"} of a {@code ModifyTable} node (e.g. {@code Insert}), or {@code null}
     * @param relationName {@code "Relation Name"}, or {@code null}
     * @param customPlanProvider {@code "Custom Plan Provider"}, or {@code null}
     * @param citusScan the Citus scan this node is, or {@code null}
     * @param children {@code "Plans"}: the node's child plans
     */
    public PlanNode {
        Objects.requireNonNull(nodeType, "nodeType");
        children = List.copyOf(children);
    }

    /** {@return whether this node is a Citus custom scan} */
    public boolean isCitusScan() {
        return citusScan != null;
    }

    /**
     * The node as one line, close to EXPLAIN's text format: {@code Custom Scan (Citus Adaptive)},
     * {@code Seq Scan on events_102040}, {@code Insert on events_102041}.
     *
     * @return the label
     */
    public String label() {
        String label = nodeType;
        if (customPlanProvider != null) {
            label = nodeType + " (" + customPlanProvider + ")";
        } else if (operation != null && "ModifyTable".equals(nodeType)) {
            label = operation;
        }
        return relationName == null ? label : label + " on " + relationName;
    }

    @Override
    public String toString() {
        return label();
    }
}

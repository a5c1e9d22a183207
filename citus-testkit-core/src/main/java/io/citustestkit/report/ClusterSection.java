package io.citustestkit.report;

import io.citustestkit.plan.PlanKind;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Map;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What the tests sent to one cluster: its section of the report.
 *
 * <pre>{@code
 * ClusterSection section = report.clusters().get(0);
 * section.shapes().get(0); // its worst statement shape
 * }</pre>
 *
 * @param cluster the cluster, as the kit describes it
 * @param statements how many statements the tests sent to it
 * @param tests how many tests recorded statements on it
 * @param kinds how many statements Citus ran each way, worst first
 * @param shapes its statement shapes, worst first
 * @param classes its test classes, in name order
 */
@API(status = INTERNAL, since = "0.1")
public record ClusterSection(String cluster, int statements, int tests, Map<PlanKind, Integer> kinds,
                             List<StatementShape> shapes, List<ClassStatements> classes) {

    /**
     * How many of its shapes are at their worst of {@code severity}.
     *
     * @param severity the severity
     * @return the number of shapes
     */
    public long shapes(ShapeSeverity severity) {
        return shapes.stream().filter(shape -> shape.severity() == severity).count();
    }

    /**
     * How many of its statements Citus ran with {@code severity}.
     *
     * @param severity the severity
     * @return the number of statements
     */
    public int statements(ShapeSeverity severity) {
        return kinds.entrySet().stream().filter(entry -> ShapeSeverity.of(entry.getKey()) == severity)
                .mapToInt(Map.Entry::getValue).sum();
    }
}

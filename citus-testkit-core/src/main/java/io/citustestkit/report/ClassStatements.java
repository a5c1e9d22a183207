package io.citustestkit.report;

import io.citustestkit.plan.PlanKind;
import org.apiguardian.api.API;

import java.util.Map;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The statements of one test class on one cluster, by how Citus ran them.
 *
 * <pre>{@code
 * ClassStatements events = report.clusters().get(0).classes().get(0);
 * events.kinds(); // {MULTI_SHARD=2, ROUTER=14}
 * }</pre>
 *
 * @param testClass the class, fully qualified
 * @param tests how many of its tests recorded statements
 * @param statements how many statements they sent
 * @param kinds how many Citus ran each way, worst first
 */
@API(status = INTERNAL, since = "0.1")
public record ClassStatements(String testClass, int tests, int statements, Map<PlanKind, Integer> kinds) {

    /** {@return how many of its statements are of {@code severity}} */
    int count(ShapeSeverity severity) {
        return kinds.entrySet().stream().filter(entry -> ShapeSeverity.of(entry.getKey()) == severity)
                .mapToInt(Map.Entry::getValue).sum();
    }
}

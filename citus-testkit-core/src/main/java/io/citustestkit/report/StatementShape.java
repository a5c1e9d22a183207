package io.citustestkit.report;

import io.citustestkit.plan.PlanKind;
import org.apiguardian.api.API;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Every recorded execution of one statement shape on one cluster, summed up: how often it ran, how
 * Citus ran it, what it touched, which tenants and tests, and one example.
 *
 * <pre>{@code
 * StatementShape shape = report.clusters().get(0).shapes().get(0); // the worst
 * shape.sql();       // "SELECT count(*) FROM events"
 * shape.severity();  // MULTI_SHARD
 * shape.shards();    // [102008, 102009, 102010, 102011]
 * }</pre>
 *
 * @param sql the shape: the SQL with parameters and literals as {@code ?} ({@link SqlShape})
 * @param severity the worst way Citus ran it
 * @param count how many times it ran
 * @param failures how many of those ended in an error
 * @param kinds how many times Citus ran it each way, worst first
 * @param minTasks the fewest tasks (commands on shards) of one execution
 * @param maxTasks the most tasks of one execution
 * @param shards the shards its executions touched, by id, ascending
 * @param nodes the nodes its executions ran on, sorted
 * @param tenants the distribution values Citus named for its tasks, distinct, in the order first seen
 * @param unnamedValues why Citus named no distribution value for some task, distinct
 * @param delegatedTo the nodes Citus delegated a call of it to, sorted
 * @param tests the tests that ran it ({@code Class.method()}), in the order first seen
 * @param allowed the tests that ran it with {@code @AllowMultiShardStatements} when Citus fanned it out (multi-shard or
 *                worse), and why
 * @param example its first execution
 */
@API(status = INTERNAL, since = "0.1")
public record StatementShape(String sql, ShapeSeverity severity, int count, int failures, Map<PlanKind, Integer> kinds,
                             int minTasks, int maxTasks, List<Long> shards, List<String> nodes, List<String> tenants,
                             List<String> unnamedValues, List<String> delegatedTo, List<String> tests,
                             List<AllowedTest> allowed, Example example) {

    /** Worst first: severity, then the more shards touched, the more executions, then the SQL. */
    public static final Comparator<StatementShape> WORST_FIRST = Comparator.comparing(StatementShape::severity)
            .thenComparing(StatementShape::worstKind)
            .thenComparing(shape -> -shape.shards().size())
            .thenComparing(shape -> -shape.count())
            .thenComparing(StatementShape::sql);

    /** {@return the worst way Citus ran it (the first of {@link #kinds()})} */
    public PlanKind worstKind() {
        return kinds.keySet().iterator().next();
    }

    /** {@return whether it fanned out (multi-shard or worse) and every test that ran it allowed that} */
    public boolean isAllowed() {
        return severity.compareTo(ShapeSeverity.ROUTER) < 0 && allowed.size() == tests.size();
    }

    /**
     * A test that may send multi-shard statements, and why.
     *
     * @param test the test ({@code Class.method()})
     * @param reason the reason its {@code @AllowMultiShardStatements} gives
     */
    public record AllowedTest(String test, String reason) {
    }

    /**
     * One execution of the shape, as sent.
     *
     * @param sql the statement as the coordinator received it
     * @param parameters its bound parameter values ({@code null} for SQL NULL)
     * @param kind how Citus ran it
     * @param commands the commands Citus sent for it (one per task)
     * @param error the server's error, or {@code null}
     * @param test the test that sent it
     */
    public record Example(String sql, List<String> parameters, PlanKind kind, List<String> commands, String error, String test) {
    }
}

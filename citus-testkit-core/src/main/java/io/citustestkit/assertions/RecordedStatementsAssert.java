package io.citustestkit.assertions;

import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.recording.RecordedStatement;
import io.citustestkit.recording.RecordedStatements;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.citustestkit.assertions.error.ShouldAllBeRoutedToSingleWorker.shouldAllBeRoutedToSingleWorker;
import static io.citustestkit.assertions.error.ShouldAllStayInSchema.shouldAllStayInSchema;
import static io.citustestkit.assertions.error.ShouldAllTouchOnlyTenant.shouldAllTouchOnlyTenant;
import static org.apiguardian.api.API.Status.STABLE;

/**
 * Assertions on the statements an application really sent, as recorded on the coordinator
 * ({@link io.citustestkit.recording.StatementRecorder}), judged by what Citus ran for each. Only
 * statements that read or wrote a distributed table (or that Citus delegated to a worker) are judged;
 * reference and local tables may be touched freely, except for a write that a foreign key with an action
 * ({@code ON DELETE CASCADE}, ...) carries into a distributed table. A call Citus delegated to a worker is judged by what
 * its body ran there, from that worker's log. What the recording cannot see fails the verdict, with the
 * reason: a delegated body whose worker's log is not readable, a task whose tenant Citus did not name.
 *
 * <pre>{@code
 * try (StatementRecorder recorder = cluster.recordStatements()) {
 *     orders.placeOrder(42L, order);
 *     assertThatStatements(recorder.statements())
 *             .allRoutedToSingleWorker()
 *             .allTouchOnlyTenant(42L);
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class RecordedStatementsAssert extends AbstractAssert<RecordedStatementsAssert, RecordedStatements> {

    RecordedStatementsAssert(RecordedStatements actual) {
        super(actual, RecordedStatementsAssert.class);
    }

    /**
     * Verifies that every recorded statement that touched a distributed table ran as one task on one node;
     * for a call Citus delegated to a worker, that its body ran one task there (or touched no shard), as the
     * worker's log shows.
     *
     * @return this assertion object
     */
    public RecordedStatementsAssert allRoutedToSingleWorker() {
        isNotNull();
        List<RecordedStatement> all = actual.all();
        List<RecordedStatement> judged = judged(all);
        List<RecordedStatement> offending = judged.stream()
                .filter(statement -> !statement.isSingleTaskOnOneNode() || statement.unseenWorkReason().isPresent()).toList();
        if (!offending.isEmpty()) {
            throwAssertionError(shouldAllBeRoutedToSingleWorker(judged.size(), all.size(), offending));
        }
        return myself;
    }

    /**
     * Verifies that every recorded statement that touched a distributed table read or wrote only the
     * tenant {@code distributionValue}: only the shards that hold it, in every colocation group it
     * touched, and, on those shards, only that tenant, as Citus itself named the distribution value of
     * each task (reference and local tables allowed). A task whose value Citus did not name (a COPY, an
     * INSERT ... SELECT, a query over an IN list) fails, and so does a read or write of a distributed table
     * without a distribution column (a single-shard table: its rows are not split by tenant). A call Citus delegated to a worker is judged by what
     * its body ran there; if the worker's log does not show it, it fails. A write to a reference table that a foreign key with
     * an action ({@code ON DELETE CASCADE}, ...) carries into a distributed table fails every verdict: no log names the
     * tenants whose rows PostgreSQL changed.
     *
     * @param distributionValue the tenant: the value of the distribution column, e.g. {@code 42L}
     * @return this assertion object
     */
    public RecordedStatementsAssert allTouchOnlyTenant(Object distributionValue) {
        isNotNull();
        Objects.requireNonNull(distributionValue, "distributionValue");
        List<RecordedStatement> all = actual.all();
        List<RecordedStatement> judged = judged(all);
        Map<String, Long> tenantShards = new LinkedHashMap<>();
        Map<RecordedStatement, String> offending = new LinkedHashMap<>();
        for (RecordedStatement statement : judged) {
            List<String> problems = new ArrayList<>();
            List<String> otherShards = new ArrayList<>();
            Set<String> unsplit = new LinkedHashSet<>();
            Optional<String> table = Optional.empty();
            for (Shard shard : statement.shards()) {
                if (!isHashDistributed(shard)) {
                    if (isDistributed(shard)) {
                        unsplit.add(shard.table() + " " + shard.shardId() + " (" + shard.tableKind().description() + ")");
                    }
                    continue;
                }
                table = table.or(() -> Optional.of(shard.table()));
                long holding = tenantShards.computeIfAbsent(shard.table(), t -> actual.shardHolding(t, distributionValue));
                if (shard.shardId() != holding) {
                    otherShards.add(shard.table() + " " + shard.shardId());
                }
            }
            if (!otherShards.isEmpty()) {
                problems.add(subject(statement) + " touched shards of other tenants: " + String.join(", ", otherShards));
            }
            if (!unsplit.isEmpty()) {
                problems.add(subject(statement) + " touched distributed tables that have no distribution column to split their rows "
                        + "by tenant, so other tenants' rows cannot be ruled out: " + String.join(", ", unsplit)
                        + " (schema tenants: allStayInSchema)");
            }
            if (table.isPresent()) {
                String tenant = actual.distributionValueText(table.get(), distributionValue);
                List<String> others = statement.distributionValues().stream().filter(value -> !value.equals(tenant)).toList();
                if (!others.isEmpty()) {
                    problems.add(subject(statement) + " touched other tenants: " + String.join(", ", others)
                            + " (the distribution values Citus named for its tasks: " + statement.distributionValues() + ")");
                }
                statement.unnamedValuesReason().filter(why -> others.isEmpty() && otherShards.isEmpty()).ifPresent(why ->
                        problems.add(subject(statement) + " stayed on tenant " + distributionValue + "'s shards, but Citus did not name the tenant of every "
                                + "task, so other tenants on the same shard cannot be ruled out: " + why));
            }
            unseen(statement).ifPresent(problems::add);
            if (!problems.isEmpty()) {
                offending.put(statement, String.join("\n   ", problems));
            }
        }
        if (!offending.isEmpty()) {
            List<String> holding = tenantShards.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
            throwAssertionError(shouldAllTouchOnlyTenant(distributionValue, holding, judged.size(), all.size(),
                    List.copyOf(offending.keySet()), offending::get));
        }
        return myself;
    }

    /**
     * Verifies that every recorded statement that touched a distributed table touched only the tables of
     * one distributed schema (schema-based sharding: a tenant's schema), reference and local tables
     * allowed: the counterpart of {@link #allTouchOnlyTenant(Object)} for schema tenants. A call Citus
     * delegated to a worker is judged by what its body ran there; if the worker's log does not show it, it fails.
     *
     * @param schema the tenant's distributed schema, e.g. {@code tenant_42}
     * @return this assertion object
     */
    public RecordedStatementsAssert allStayInSchema(String schema) {
        isNotNull();
        Objects.requireNonNull(schema, "schema");
        List<RecordedStatement> all = actual.all();
        List<RecordedStatement> judged = judged(all);
        Map<RecordedStatement, String> offending = new LinkedHashMap<>();
        for (RecordedStatement statement : judged) {
            List<String> problems = new ArrayList<>();
            String outside = statement.shards().stream().filter(shard -> isDistributed(shard) && !inSchema(shard, schema))
                    .map(shard -> shard.table() + " " + shard.shardId()).distinct().collect(Collectors.joining(", "));
            if (!outside.isEmpty()) {
                problems.add(subject(statement) + " touched tables outside " + schema + ": " + outside);
            }
            unseen(statement).ifPresent(problems::add);
            if (!problems.isEmpty()) {
                offending.put(statement, String.join("\n   ", problems));
            }
        }
        if (!offending.isEmpty()) {
            throwAssertionError(shouldAllStayInSchema(schema, judged.size(), all.size(), List.copyOf(offending.keySet()), offending::get));
        }
        return myself;
    }

    private static Optional<String> unseen(RecordedStatement statement) {
        return statement.unseenWorkReason();
    }

    /** "it", or for a delegated call "its body on worker-1": who did what a problem says. */
    private static String subject(RecordedStatement statement) {
        return statement.isDelegated() ? "its body on " + String.join(", ", statement.delegatedTo()) : "it";
    }

    private static boolean isDistributed(Shard shard) {
        return shard.tableKind() != TableKind.REFERENCE && shard.tableKind() != TableKind.CITUS_LOCAL;
    }

    private static boolean inSchema(Shard shard, String schema) {
        return schema.equals(shard.distributedSchema());
    }

    private static List<RecordedStatement> judged(List<RecordedStatement> all) {
        return all.stream().filter(RecordedStatement::touchesDistributedTables).toList();
    }

    private static boolean isHashDistributed(Shard shard) {
        return shard.tableKind() == TableKind.DISTRIBUTED && shard.hasRange();
    }
}

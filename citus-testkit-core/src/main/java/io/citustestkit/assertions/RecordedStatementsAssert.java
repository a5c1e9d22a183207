package io.citustestkit.assertions;

import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.recording.RecordedStatement;
import io.citustestkit.recording.RecordedStatements;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.citustestkit.assertions.error.ShouldAllBeRoutedToSingleWorker.shouldAllBeRoutedToSingleWorker;
import static io.citustestkit.assertions.error.ShouldAllStayInSchema.shouldAllStayInSchema;
import static io.citustestkit.assertions.error.ShouldAllTouchOnlyTenant.shouldAllTouchOnlyTenant;

/**
 * Assertions on the statements an application really sent, as recorded on the coordinator
 * ({@link io.citustestkit.recording.StatementRecorder}), judged by what Citus ran for each. Only
 * statements that read or wrote a distributed table are judged; reference and local tables may be
 * touched freely.
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
public final class RecordedStatementsAssert extends AbstractAssert<RecordedStatementsAssert, RecordedStatements> {

    RecordedStatementsAssert(RecordedStatements actual) {
        super(actual, RecordedStatementsAssert.class);
    }

    /**
     * Verifies that every recorded statement that touched a distributed table ran as one task on one node.
     *
     * @return this assertion object
     */
    public RecordedStatementsAssert allRoutedToSingleWorker() {
        isNotNull();
        List<RecordedStatement> all = actual.all();
        List<RecordedStatement> judged = judged(all);
        List<RecordedStatement> offending = judged.stream().filter(statement -> !statement.isSingleTaskOnOneNode()).toList();
        if (!offending.isEmpty()) {
            throwAssertionError(shouldAllBeRoutedToSingleWorker(judged.size(), all.size(), offending));
        }
        return myself;
    }

    /**
     * Verifies that every recorded statement that touched a distributed table read or wrote only the
     * shards that hold {@code distributionValue}, in every colocation group it touched (reference and
     * local tables allowed).
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
        List<RecordedStatement> offending = new ArrayList<>();
        Map<RecordedStatement, List<Shard>> others = new LinkedHashMap<>();
        for (RecordedStatement statement : judged) {
            List<Shard> other = new ArrayList<>();
            for (Shard shard : statement.shards()) {
                if (!isHashDistributed(shard)) {
                    continue;
                }
                long holding = tenantShards.computeIfAbsent(shard.table(), table -> actual.shardHolding(table, distributionValue));
                if (shard.shardId() != holding) {
                    other.add(shard);
                }
            }
            if (!other.isEmpty()) {
                offending.add(statement);
                others.put(statement, other);
            }
        }
        if (!offending.isEmpty()) {
            List<String> holding = tenantShards.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
            throwAssertionError(shouldAllTouchOnlyTenant(distributionValue, holding, judged.size(), all.size(), offending,
                    statement -> others.get(statement).stream().map(shard -> shard.table() + " " + shard.shardId())
                            .collect(Collectors.joining(", "))));
        }
        return myself;
    }

    /**
     * Verifies that every recorded statement that touched a distributed table touched only the tables of
     * one distributed schema (schema-based sharding: a tenant's schema), reference and local tables
     * allowed: the counterpart of {@link #allTouchOnlyTenant(Object)} for schema tenants.
     *
     * @param schema the tenant's distributed schema, e.g. {@code tenant_42}
     * @return this assertion object
     */
    public RecordedStatementsAssert allStayInSchema(String schema) {
        isNotNull();
        Objects.requireNonNull(schema, "schema");
        List<RecordedStatement> all = actual.all();
        List<RecordedStatement> judged = judged(all);
        List<RecordedStatement> offending = judged.stream()
                .filter(statement -> statement.shards().stream().anyMatch(shard -> isDistributed(shard) && !inSchema(shard, schema)))
                .toList();
        if (!offending.isEmpty()) {
            throwAssertionError(shouldAllStayInSchema(schema, judged.size(), all.size(), offending,
                    statement -> statement.shards().stream().filter(shard -> isDistributed(shard) && !inSchema(shard, schema))
                            .map(shard -> shard.table() + " " + shard.shardId()).distinct().collect(Collectors.joining(", "))));
        }
        return myself;
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

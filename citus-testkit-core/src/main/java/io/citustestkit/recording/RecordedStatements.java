package io.citustestkit.recording;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The statements recorded since recording started, in the order they reached the coordinator: a live
 * view, so each call sees what has been sent up to that moment.
 *
 * <pre>{@code
 * RecordedStatements statements = recorder.statements();
 * service.placeOrder(tenant, order);
 * statements.all();                        // every statement the service sent
 * statements.touchingDistributedTables();  // those that read or wrote distributed tables
 * CitusAssertions.assertThatStatements(statements).allRoutedToSingleWorker();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RecordedStatements {

    private final Supplier<List<RecordedStatement>> statements;
    private final TenantShards tenants;

    RecordedStatements(Supplier<List<RecordedStatement>> statements, TenantShards tenants) {
        this.statements = Objects.requireNonNull(statements, "statements");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    /** {@return every recorded statement, in order} */
    public List<RecordedStatement> all() {
        return statements.get();
    }

    /** {@return the recorded statements that read or wrote a distributed table, in order} */
    public List<RecordedStatement> touchingDistributedTables() {
        return all().stream().filter(RecordedStatement::touchesDistributedTables).toList();
    }

    /**
     * The shard of {@code table} that holds {@code distributionValue}, from the coordinator's catalog.
     *
     * @param table a hash-distributed table, as {@code regclass} prints it
     * @param distributionValue the value of its distribution column
     * @return the shard id
     */
    public long shardHolding(String table, Object distributionValue) {
        return tenants.shardHolding(table, distributionValue);
    }

    /**
     * A distribution value as the server prints it in the type of {@code table}'s distribution column,
     * as Citus names it in its log: {@code 42} for a bigint, a uuid in its canonical form.
     *
     * @param table a hash-distributed table, as {@code regclass} prints it
     * @param distributionValue a value of its distribution column
     * @return the value's text
     */
    public String distributionValueText(String table, Object distributionValue) {
        return tenants.valueText(table, distributionValue);
    }

    @Override
    public String toString() {
        return "RecordedStatements" + all();
    }
}

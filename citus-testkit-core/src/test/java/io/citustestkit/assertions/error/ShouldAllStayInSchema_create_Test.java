package io.citustestkit.assertions.error;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.recording.RecordedStatement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldAllStayInSchema.shouldAllStayInSchema;
import static org.assertj.core.api.BDDAssertions.then;

/**
 * The failure of {@code allStayInSchema(schema)}, on a statement as a real coordinator log recorded it
 * (Citus 14.0.1 / PostgreSQL 18, schema-based sharding: the neighbour's schema is a single-shard table
 * on another node).
 */
class ShouldAllStayInSchema_create_Test {

    private static final Shard ORDERS_102050 = new Shard(102050, "tenant_b.orders", TableKind.SINGLE_SHARD, 3, null, null,
            List.of(new NodeAddress("worker-2", 5432)));

    private static final RecordedStatement NEIGHBOUR = new RecordedStatement("SELECT * FROM tenant_b.orders WHERE note LIKE '50%'",
            List.of(), PlanKind.ROUTER, List.of(ORDERS_102050), List.of("worker-2"),
            List.of("SELECT order_id, note FROM tenant_b.orders_102050 orders WHERE (note ~~ '50%'::text)"), null,
            List.of(), null, List.of());

    @Test
    void should_name_the_schema_the_counts_and_what_each_statement_touched_outside_it() {
        // WHEN
        String message = create(shouldAllStayInSchema("tenant_a", 2, 2, List.of(NEIGHBOUR),
                statement -> "it touched tables outside tenant_a: tenant_b.orders 102050"));
        // THEN
        then(message).startsWith("[TEST] \n"
                        + "Expecting every recorded statement that touched a distributed table (2 of 2) to stay in distributed schema tenant_a,\n"
                        + "but 1 did not:\n"
                        + "1) SELECT * FROM tenant_b.orders WHERE note LIKE '50%'\n")
                .contains("   shards: tenant_b.orders 102050\n")
                .contains("   it touched tables outside tenant_a: tenant_b.orders 102050\n")
                .contains("Citus ran: SELECT order_id, note FROM tenant_b.orders_102050 orders WHERE (note ~~ '50%'::text)");
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.Recordings;
import org.junit.jupiter.api.Test;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldBeMultiShard.shouldBeMultiShard;
import static org.assertj.core.api.BDDAssertions.then;

class ShouldBeMultiShard_create_Test {

    @Test
    void should_show_the_single_task_of_a_router_query() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("router_colocated_join");
        // WHEN
        String message = create(shouldBeMultiShard(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  SELECT u.email, count(*) FROM users u JOIN events e ON u.id = e.owner_id WHERE u.id = 123"
                + " GROUP BY u.email%n"
                + "to be a multi-shard query (one job of several tasks, pushed down to the shards)%n"
                + "but it runs as 1 task on w1 (users_102022, events_102054).%n"
                + "Classification: ROUTER (single-shard router query: one task on one node)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus Adaptive)%n"
                + "    Task Count: 1 (w1 1)%n"
                + "    Task on w1: users_102022, events_102054"));
    }

    @Test
    void should_name_the_distributed_schema_a_tenant_query_stays_inside() {
        // GIVEN orders and customers of tenant_a joined with the reference table products, one task on w2
        DistributedPlan plan = Recordings.schemaBasedPlan("tenant_reference_join");
        // WHEN
        String message = create(shouldBeMultiShard(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  SELECT c.name, p.name, o.quantity FROM tenant_a.orders o JOIN tenant_a.customers c"
                + " ON c.id = o.customer_id JOIN products p ON p.id = o.product_id%n"
                + "to be a multi-shard query (one job of several tasks, pushed down to the shards)%n"
                + "but it runs as 1 task on w2 (orders_102014, customers_102013, products_102008), inside distributed"
                + " schema tenant_a.%n"
                + "Classification: ROUTER (single-shard router query: one task on one node)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus Adaptive)%n"
                + "    Task Count: 1 (w2 1)%n"
                + "    Task on w2: orders_102014, customers_102013, products_102008"));
    }
}

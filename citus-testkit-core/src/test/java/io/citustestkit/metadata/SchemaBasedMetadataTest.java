package io.citustestkit.metadata;

import io.citustestkit.plan.Recordings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata of schema-based sharding, rebuilt from the catalogs recorded on Citus 12.1 and 14.0
 * ({@code citus-explain/<version>/schema-based}, schema {@code schema-based-sharding.sql}): the same
 * in both versions. {@code tenant_a} (colocation group 3) is on {@code w2}, {@code tenant_b} (4) and
 * {@code tenant_c} (6, distributed with {@code citus_schema_distribute}) on {@code w1},
 * {@code tenant_empty} (5) has no table, {@code audit} is a single-shard table outside any schema.
 */
class SchemaBasedMetadataTest {

    private static final NodeAddress W1 = new NodeAddress("w1", 5432);
    private static final NodeAddress W2 = new NodeAddress("w2", 5432);

    static List<String> folders() {
        return Recordings.SCHEMA_BASED_VERSIONS;
    }

    @ParameterizedTest
    @MethodSource("folders")
    void should_read_the_tables_of_a_distributed_schema_as_single_shard_tables_of_its_colocation_group(String folder) {
        // WHEN
        TableMetadata orders = Recordings.table(folder, "tenant_a.orders");
        // THEN
        assertThat(orders.kind()).isEqualTo(TableKind.SINGLE_SHARD);
        assertThat(orders.distributedSchema()).isEqualTo("tenant_a");
        assertThat(orders.colocationId()).isEqualTo(3);
        assertThat(orders.distributionColumn()).isNull();
        assertThat(orders.nodes()).containsExactly(W2);
        assertThat(orders.relationName()).isEqualTo("orders");
        assertThat(orders.describe())
                .isEqualTo("table orders of distributed schema tenant_a (single-shard, colocation group 3, on w2:5432)");
    }

    @ParameterizedTest
    @MethodSource("folders")
    void should_tell_a_single_shard_table_outside_any_schema_from_reference_and_citus_local_tables(String folder) {
        // WHEN
        TableMetadata audit = Recordings.table(folder, "audit");
        // THEN
        assertThat(audit.kind()).isEqualTo(TableKind.SINGLE_SHARD);
        assertThat(audit.isInDistributedSchema()).isFalse();
        assertThat(audit.describe()).isEqualTo("single-shard distributed table audit (no distribution column,"
                + " colocation group 7, on w2:5432)");
        assertThat(Recordings.table(folder, "products").kind()).isEqualTo(TableKind.REFERENCE);
    }

    @ParameterizedTest
    @MethodSource("folders")
    void should_colocate_the_tables_of_one_schema_and_not_those_of_two(String folder) {
        // GIVEN
        TableMetadata ordersA = Recordings.table(folder, "tenant_a.orders");
        TableMetadata customersA = Recordings.table(folder, "tenant_a.customers");
        TableMetadata ordersB = Recordings.table(folder, "tenant_b.orders");
        TableMetadata ordersC = Recordings.table(folder, "tenant_c.orders");
        // WHEN / THEN
        assertThat(Colocation.compare(ordersA, customersA)).isEmpty();
        assertThat(ordersA.shards().get(0).groupKey()).as("one shard group per schema")
                .isEqualTo(customersA.shards().get(0).groupKey());
        assertThat(Colocation.compare(ordersA, ordersB)).get().extracting(ColocationMismatch::reason)
                .isEqualTo("tenant_a.orders is in colocation group 3, tenant_b.orders in colocation group 4");
        assertThat(Colocation.compare(ordersB, ordersC)).as("two schemas on the same node, w1").get()
                .extracting(ColocationMismatch::reason)
                .isEqualTo("tenant_b.orders is in colocation group 4, tenant_c.orders in colocation group 6");
    }

    @ParameterizedTest
    @MethodSource("folders")
    void should_read_a_distributed_schema_with_its_tables_and_placement(String folder) {
        // WHEN
        SchemaMetadata tenant = Recordings.schema(folder, "tenant_a");
        // THEN
        assertThat(tenant.kind()).isEqualTo(SchemaKind.DISTRIBUTED);
        assertThat(tenant.colocationId()).isEqualTo(3);
        assertThat(tenant.nodes()).containsExactly(W2);
        assertThat(tenant.tables()).extracting(tenant::nameInSchema).containsExactly("customers", "orders");
        assertThat(tenant.describe()).isEqualTo("distributed schema tenant_a (colocation group 3, 2 tables on w2:5432)");
        assertThat(Recordings.schema(folder, "tenant_c").nodes()).as("distributed afterwards").containsExactly(W1);
    }

    @ParameterizedTest
    @MethodSource("folders")
    void should_describe_a_distributed_schema_without_tables_as_not_placed_yet(String folder) {
        // WHEN
        SchemaMetadata empty = Recordings.schema(folder, "tenant_empty");
        // THEN
        assertThat(empty.isDistributed()).isTrue();
        assertThat(empty.nodes()).isEmpty();
        assertThat(empty.describe()).isEqualTo("distributed schema tenant_empty (colocation group 5, no table yet:"
                + " Citus places its shard group when its first table is created)");
    }

    @ParameterizedTest
    @MethodSource("folders")
    void should_find_a_table_of_a_schema_as_sql_names_it(String folder) {
        // GIVEN
        SchemaMetadata tenant = Recordings.schema(folder, "tenant_a");
        // WHEN / THEN
        assertThat(tenant.table("orders")).get().extracting(TableMetadata::name).isEqualTo("tenant_a.orders");
        assertThat(tenant.table("ORDERS")).as("unquoted: folded to lower case").isPresent();
        assertThat(tenant.table("tenant_a.orders")).as("qualified with the schema").isPresent();
        assertThat(tenant.table("\"Orders\"")).as("quoted: exact").isEmpty();
        assertThat(tenant.table("tenant_b.orders")).as("another schema's").isEmpty();
        assertThat(tenant.table("invoices")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("folders")
    void should_describe_a_regular_and_a_missing_schema(String folder) {
        // GIVEN the recorded regular schema billing, whose plain table citus_tables does not list
        SchemaMetadata billing = new SchemaMetadata("billing", "billing", SchemaKind.REGULAR, 0,
                List.of(TableMetadata.plain("billing.invoices", "billing.invoices")));
        // WHEN / THEN
        assertThat(billing.describe()).isEqualTo("regular schema billing (not in pg_dist_schema, 1 table)");
        assertThat(billing.table("invoices")).isPresent();
        assertThat(SchemaMetadata.missing("tenant_x").describe())
                .isEqualTo("schema tenant_x (does not exist: to_regnamespace('tenant_x') found no schema)");
        assertThat(Recordings.schema(folder, "billing").kind()).isEqualTo(SchemaKind.REGULAR);
    }
}

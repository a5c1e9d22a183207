package io.citustestkit.assertions.error;

import io.citustestkit.metadata.TableMetadata;
import io.citustestkit.plan.Recordings;
import org.junit.jupiter.api.Test;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldBeDistributedBy.shouldBeDistributedBy;
import static io.citustestkit.assertions.error.ShouldBeReferenceTable.shouldBeReferenceTable;
import static io.citustestkit.assertions.error.ShouldBeSingleShardTable.shouldBeSingleShardTable;
import static io.citustestkit.assertions.error.ShouldHaveShardCount.shouldHaveShardCount;
import static io.citustestkit.assertions.error.TableShouldExist.tableShouldExist;
import static org.assertj.core.api.BDDAssertions.then;

/** The failures of the single-table checks, on the tables of the recorded Citus 14 cluster. */
class TableMessages_create_Test {

    @Test
    void should_show_the_actual_distribution_column_and_its_type() {
        // GIVEN
        TableMetadata events = Recordings.table("events");
        // WHEN
        String message = create(shouldBeDistributedBy(events, "tenant_id"));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting table:%n"
                + "  events%n"
                + "to be distributed by column:%n"
                + "  tenant_id%n"
                + "but it is:%n"
                + "  distributed table events (distribution column owner_id bigint, colocation group 2, 32 shards)"));
    }

    @Test
    void should_say_a_reference_table_has_no_distribution_column() {
        // GIVEN
        TableMetadata eventTypes = Recordings.table("event_types");
        // WHEN
        String message = create(shouldBeDistributedBy(eventTypes, "id"));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting table:%n"
                + "  event_types%n"
                + "to be distributed by column:%n"
                + "  id%n"
                + "but it is:%n"
                + "  reference table event_types (colocation group 3, 1 shard on 3 nodes)"));
    }

    @Test
    void should_describe_a_distributed_table_expected_to_be_a_reference_table() {
        // GIVEN
        TableMetadata auditLog = Recordings.table("audit_log");
        // WHEN
        String message = create(shouldBeReferenceTable(auditLog));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting table:%n"
                + "  audit_log%n"
                + "to be a reference table (one shard with a copy on every node)%n"
                + "but it is:%n"
                + "  distributed table audit_log (distribution column tenant text, colocation group 5, 32 shards)"));
    }

    @Test
    void should_show_the_actual_shard_count() {
        // GIVEN
        TableMetadata products = Recordings.table("products");
        // WHEN
        String message = create(shouldHaveShardCount(products, 4));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting table:%n"
                + "  products%n"
                + "to have 4 shards%n"
                + "but it has 32:%n"
                + "  distributed table products (distribution column id bigint, colocation group 4, 32 shards)"));
    }

    @Test
    void should_describe_a_distributed_table_expected_to_be_a_single_shard_table() {
        // GIVEN the hash-distributed events of the schema-based sharding recording
        TableMetadata events = Recordings.table(Recordings.schemaBased(Recordings.CITUS_14), "events");
        // WHEN
        String message = create(shouldBeSingleShardTable(events));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting table:%n"
                + "  events%n"
                + "to be a single-shard table (distributed without a distribution column: one shard on one node, in a"
                + " colocation group; every table of a distributed schema is one)%n"
                + "but it is:%n"
                + "  distributed table events (distribution column owner_id bigint, colocation group 2, 4 shards)"));
    }

    @Test
    void should_describe_a_table_of_a_distributed_schema_expected_to_be_distributed_by_a_column() {
        // GIVEN
        TableMetadata orders = Recordings.table(Recordings.schemaBased(Recordings.CITUS_12), "tenant_a.orders");
        // WHEN
        String message = create(shouldBeDistributedBy(orders, "customer_id"));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting table:%n"
                + "  tenant_a.orders%n"
                + "to be distributed by column:%n"
                + "  customer_id%n"
                + "but it is:%n"
                + "  table orders of distributed schema tenant_a (single-shard, colocation group 3, on w2:5432)"));
    }

    @Test
    void should_describe_a_single_shard_table_expected_to_be_a_reference_table() {
        // GIVEN
        TableMetadata audit = Recordings.table(Recordings.schemaBased(Recordings.CITUS_14), "audit");
        // WHEN
        String message = create(shouldBeReferenceTable(audit));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting table:%n"
                + "  audit%n"
                + "to be a reference table (one shard with a copy on every node)%n"
                + "but it is:%n"
                + "  single-shard distributed table audit (no distribution column, colocation group 7, on w2:5432)"));
    }

    @Test
    void should_name_a_table_that_does_not_exist() {
        // GIVEN
        TableMetadata missing = TableMetadata.missing("public.evnts");
        // WHEN
        String message = create(tableShouldExist(missing));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting table:%n"
                + "  public.evnts%n"
                + "to exist%n"
                + "but to_regclass('public.evnts') found no relation of that name under the current search_path."));
    }
}

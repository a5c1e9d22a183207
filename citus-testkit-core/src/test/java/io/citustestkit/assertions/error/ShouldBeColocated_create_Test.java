package io.citustestkit.assertions.error;

import io.citustestkit.metadata.Colocation;
import io.citustestkit.metadata.ColocationMismatch;
import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.TableMetadata;
import io.citustestkit.plan.Recordings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldBeColocated.shouldBeColocated;
import static org.assertj.core.api.BDDAssertions.then;

class ShouldBeColocated_create_Test {

    @Test
    void should_list_each_table_when_colocation_groups_differ() {
        // GIVEN the recorded events (group 2) and products (created with colocate_with => 'none', group 4)
        List<TableMetadata> tables = List.of(Recordings.table("events"), Recordings.table("products"));
        ColocationMismatch mismatch = Colocation.firstMismatch(tables).orElseThrow();
        // WHEN
        String message = create(shouldBeColocated(tables, mismatch));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting tables:%n"
                + "  events, products%n"
                + "to be colocated (same colocation group and, shard by shard, the same hash range on the same"
                + " nodes)%n"
                + "but events is in colocation group 2, products in colocation group 4:%n"
                + "  distributed table events (distribution column owner_id bigint, colocation group 2, 32 shards)%n"
                + "  distributed table products (distribution column id bigint, colocation group 4, 32 shards)%n"
                + "the shards line up today (same hash ranges on the same nodes), but Citus does not treat tables in different"
                + " colocation groups as colocated: joins between them are not pushed down, and moving the shards of one does"
                + " not move the other. Create the table with colocate_with => '<the other table>', or run"
                + " update_distributed_table_colocation()"));
    }

    @Test
    void should_say_why_the_tables_of_two_tenant_schemas_are_never_colocated() {
        // GIVEN orders of tenant_a (on w2) and of tenant_b (on w1), recorded on Citus 12.1
        String folder = Recordings.schemaBased(Recordings.CITUS_12);
        List<TableMetadata> tables = List.of(Recordings.table(folder, "tenant_a.orders"),
                Recordings.table(folder, "tenant_b.orders"));
        ColocationMismatch mismatch = Colocation.firstMismatch(tables).orElseThrow();
        // WHEN
        String message = create(shouldBeColocated(tables, mismatch));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting tables:%n"
                + "  tenant_a.orders, tenant_b.orders%n"
                + "to be colocated (same colocation group and, shard by shard, the same hash range on the same"
                + " nodes)%n"
                + "but tenant_a.orders is in colocation group 3, tenant_b.orders in colocation group 4:%n"
                + "  table orders of distributed schema tenant_a (single-shard, colocation group 3, on w2:5432)%n"
                + "  table orders of distributed schema tenant_b (single-shard, colocation group 4, on w1:5432)%n"
                + SCHEMAS_NEVER_COLOCATED));
    }

    @Test
    void should_say_the_tables_of_two_tenant_schemas_on_the_same_node_are_not_colocated_either() {
        // GIVEN orders of tenant_b and of tenant_c, both on w1, recorded on Citus 14.0
        String folder = Recordings.schemaBased(Recordings.CITUS_14);
        List<TableMetadata> tables = List.of(Recordings.table(folder, "tenant_b.orders"),
                Recordings.table(folder, "tenant_c.orders"));
        ColocationMismatch mismatch = Colocation.firstMismatch(tables).orElseThrow();
        // WHEN
        String message = create(shouldBeColocated(tables, mismatch));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting tables:%n"
                + "  tenant_b.orders, tenant_c.orders%n"
                + "to be colocated (same colocation group and, shard by shard, the same hash range on the same"
                + " nodes)%n"
                + "but tenant_b.orders is in colocation group 4, tenant_c.orders in colocation group 6:%n"
                + "  table orders of distributed schema tenant_b (single-shard, colocation group 4, on w1:5432)%n"
                + "  table orders of distributed schema tenant_c (single-shard, colocation group 6, on w1:5432)%n"
                + SCHEMAS_NEVER_COLOCATED));
    }

    private static final String SCHEMAS_NEVER_COLOCATED = "tables of two distributed schemas are never colocated: each"
            + " distributed schema is a colocation group of its own, placed on one node, which Citus moves as a whole"
            + " (citus_schema_move). A query joining them is not routed to one node: Citus refuses it or plans it"
            + " recursively. Keep the tables a query joins in one schema, or make the table every tenant shares a"
            + " reference table";

    @Test
    void should_show_the_first_shard_pair_placed_on_different_nodes() {
        // GIVEN users and events, as recorded, but with events' 3rd shard moved from w1 to w2
        TableMetadata users = Recordings.table("users");
        TableMetadata events = withShardMoved(Recordings.table("events"), 2, new NodeAddress("w2", 5432));
        List<TableMetadata> tables = List.of(users, events);
        ColocationMismatch mismatch = Colocation.firstMismatch(tables).orElseThrow();
        // WHEN
        String message = create(shouldBeColocated(tables, mismatch));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting tables:%n"
                + "  users, events%n"
                + "to be colocated (same colocation group and, shard by shard, the same hash range on the same"
                + " nodes)%n"
                + "but they are in the same colocation group 2 but shard 3 of 32 (by hash range) is placed on"
                + " different nodes:%n"
                + "  distributed table users (distribution column id bigint, colocation group 2, 32 shards)%n"
                + "  distributed table events (distribution column owner_id bigint, colocation group 2, 32 shards)%n"
                + "first shard pair that differs (shard 3 of 32, ordered by hash range):%n"
                + "  users_102010 [-1879048192, -1744830465] on w1:5432%n"
                + "  events_102042 [-1879048192, -1744830465] on w2:5432"));
    }

    @Test
    void should_say_which_table_does_not_exist() {
        // GIVEN
        List<TableMetadata> tables = List.of(Recordings.table("users"), TableMetadata.missing("evnts"));
        ColocationMismatch mismatch = Colocation.firstMismatch(tables).orElseThrow();
        // WHEN
        String message = create(shouldBeColocated(tables, mismatch));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting tables:%n"
                + "  users, evnts%n"
                + "to be colocated (same colocation group and, shard by shard, the same hash range on the same"
                + " nodes)%n"
                + "but table evnts does not exist:%n"
                + "  distributed table users (distribution column id bigint, colocation group 2, 32 shards)%n"
                + "  table evnts (does not exist: to_regclass('evnts') found no relation under the current"
                + " search_path)%n"
                + "no shard to compare"));
    }

    static TableMetadata withShardMoved(TableMetadata table, int index, NodeAddress to) {
        List<Shard> shards = new ArrayList<>(table.shards());
        Shard moved = shards.get(index);
        shards.set(index, new Shard(moved.shardId(), moved.table(), moved.tableKind(), moved.colocationId(),
                moved.minValue(), moved.maxValue(), List.of(to)));
        return new TableMetadata(table.requestedName(), table.name(), table.kind(), table.distributionColumn(),
                table.distributionColumnType(), table.colocationId(), shards);
    }
}

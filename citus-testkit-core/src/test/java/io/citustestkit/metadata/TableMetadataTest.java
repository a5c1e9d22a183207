package io.citustestkit.metadata;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableMetadataTest {

    private static final NodeAddress COORD = new NodeAddress("coord", 5432);
    private static final NodeAddress W1 = new NodeAddress("w1", 5432);
    private static final NodeAddress W2 = new NodeAddress("w2", 5432);

    @Test
    void should_order_shards_by_hash_range_numerically() {
        // GIVEN shards listed by id, whose ranges sort differently as text
        List<Shard> shards = List.of(
                shard(3, "0", "1073741823", W1),
                shard(1, "-2147483648", "-1073741825", W1),
                shard(4, "1073741824", "2147483647", W2),
                shard(2, "-1073741824", "-1", W2));
        // WHEN
        TableMetadata table = new TableMetadata("events", "events", TableKind.DISTRIBUTED, "owner_id", "bigint", 2, shards);
        // THEN
        assertThat(table.shards()).extracting(Shard::shardId).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void should_describe_each_kind() {
        Shard reference = new Shard(9, "event_types", TableKind.REFERENCE, 3, null, null, List.of(W2, COORD, W1));
        Shard local = new Shard(8, "notes", TableKind.CITUS_LOCAL, 0, null, null, List.of(COORD));
        assertThat(new TableMetadata("events", "events", TableKind.DISTRIBUTED, "owner_id", "bigint", 2,
                List.of(shard(1, "-2147483648", "2147483647", W1))).describe())
                .isEqualTo("distributed table events (distribution column owner_id bigint, colocation group 2, 1 shard)");
        assertThat(new TableMetadata("event_types", "event_types", TableKind.REFERENCE, null, null, 3,
                List.of(reference)).describe())
                .isEqualTo("reference table event_types (colocation group 3, 1 shard on 3 nodes)");
        assertThat(new TableMetadata("notes", "notes", TableKind.CITUS_LOCAL, null, null, 0, List.of(local)).describe())
                .isEqualTo("Citus local table notes (1 shard on coord:5432)");
        assertThat(TableMetadata.plain("app.settings", "app.settings").describe())
                .isEqualTo("plain PostgreSQL table app.settings (not in pg_dist_partition: Citus does not manage it)");
        assertThat(TableMetadata.missing("\"Evnts\"").describe())
                .isEqualTo("table \"Evnts\" (does not exist: to_regclass('\"Evnts\"') found no relation under the"
                        + " current search_path)");
    }

    @Test
    void should_name_the_relation_without_its_schema_and_quotes() {
        assertThat(TableMetadata.plain("app.\"Odd\"", "app.\"Odd\"").relationName()).isEqualTo("Odd");
        assertThat(TableMetadata.plain("events", "events").relationName()).isEqualTo("events");
        assertThat(TableMetadata.plain("\"tenant.x\".orders", "\"tenant.x\".orders").relationName()).isEqualTo("orders");
    }

    @Test
    void should_describe_a_table_of_a_distributed_schema_quoted_as_regclass_prints_it() {
        // GIVEN a table of the distributed schema "Tenant", whose name needs quotes too
        Shard shard = new Shard(7, "\"Tenant\".\"Orders\"", TableKind.SINGLE_SHARD, 9, null, null, List.of(W2),
                "\"Tenant\"");
        // WHEN
        TableMetadata table = new TableMetadata("\"Tenant\".\"Orders\"", "\"Tenant\".\"Orders\"",
                TableKind.SINGLE_SHARD, null, null, 9, List.of(shard), "\"Tenant\"");
        // THEN
        assertThat(table.describe()).isEqualTo("table \"Orders\" of distributed schema \"Tenant\" (single-shard,"
                + " colocation group 9, on w2:5432)");
        assertThat(table.relationName()).isEqualTo("Orders");
    }

    @Test
    void should_describe_a_shard_with_its_range_and_placements() {
        assertThat(shard(102040, "-2147483648", "-2013265921", W1))
                .hasToString("events_102040 [-2147483648, -2013265921] on w1:5432");
    }

    static Shard shard(long id, String min, String max, NodeAddress node) {
        return new Shard(id, "events", TableKind.DISTRIBUTED, 2, min, max, List.of(node));
    }
}

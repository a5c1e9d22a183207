package io.citustestkit.plan;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.ShardCatalog;
import io.citustestkit.metadata.TableKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KnownShardsTest {

    private static final NodeAddress W1 = new NodeAddress("w1", 5432);

    private static ShardCatalog catalogOf(Shard... shards) {
        Map<Long, Shard> byId = new java.util.HashMap<>();
        for (Shard shard : shards) {
            byId.put(shard.shardId(), shard);
        }
        return new ShardCatalog(byId, List.of());
    }

    private static Shard shard(long id, String table) {
        return new Shard(id, table, TableKind.DISTRIBUTED, 2, "0", "10", List.of(W1));
    }

    @Test
    void should_know_a_shard_of_the_table_it_is_named_after() {
        ShardCatalog catalog = catalogOf(shard(102040, "events"), shard(102008, "app.\"Odd Events\""));
        assertThat(KnownShards.isKnown(ShardRelation.parse("events_102040").orElseThrow(), catalog)).isTrue();
        assertThat(KnownShards.isKnown(ShardRelation.parse("Odd Events_102008").orElseThrow(), catalog)).isTrue();
    }

    @Test
    void should_not_take_a_column_named_like_a_shard_for_a_shard() {
        // GIVEN a column line_102040 (a real shard id, of another table) and a column address_2 (no such shard)
        ShardCatalog catalog = catalogOf(shard(102040, "events"));
        // WHEN / THEN
        assertThat(KnownShards.isKnown(ShardRelation.parse("line_102040").orElseThrow(), catalog)).isFalse();
        assertThat(KnownShards.isKnown(ShardRelation.parse("address_2").orElseThrow(), catalog)).isFalse();
    }

    @Test
    void should_know_the_shortened_name_citus_gives_a_shard_of_a_long_table_name() {
        // GIVEN a 60-character table name: Citus cuts it to 47 characters and adds a hash, 63 bytes in all
        String table = "a_table_name_long_enough_to_be_cut_when_a_shard_id_is_added_";
        String shardName = table.substring(0, 47) + "_1a2b3c4d_102099";
        // WHEN / THEN
        assertThat(KnownShards.isKnown(ShardRelation.parse(shardName).orElseThrow(), catalogOf(shard(102099, table))))
                .isTrue();
    }

    @Test
    void should_keep_every_shard_name_without_a_catalog() {
        PlanNode root = PlanParser.parse(Recordings.explainOutput(Recordings.verbose(Recordings.CITUS_14),
                "router_false_filter", true));
        assertThat(KnownShards.keep(root, ShardCatalog.EMPTY)).isSameAs(root);
    }
}

package io.citustestkit.metadata;

import io.citustestkit.plan.Recordings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Colocation on the recorded Citus 14 tables, and on variations of them a shard move would make. */
class ColocationTest {

    private static final NodeAddress W2 = new NodeAddress("w2", 5432);

    @Test
    void should_find_tables_of_one_colocation_group_with_the_same_placements_colocated() {
        assertThat(Colocation.firstMismatch(List.of(Recordings.table("users"), Recordings.table("events"),
                Recordings.table("user_sessions"), Recordings.table("orders")))).isEmpty();
    }

    @Test
    void should_find_tables_of_different_colocation_groups_not_colocated_even_when_placed_alike() {
        // WHEN
        ColocationMismatch mismatch = Colocation.compare(Recordings.table("events"), Recordings.table("products"))
                .orElseThrow();
        // THEN
        assertThat(mismatch.reason()).isEqualTo("events is in colocation group 2, products in colocation group 4");
        assertThat(mismatch.hasShardDifference()).isFalse();
    }

    @Test
    void should_catch_a_broken_placement_within_one_colocation_group() {
        // GIVEN events as recorded, but its 5th shard (on w1) placed on w2
        TableMetadata users = Recordings.table("users");
        TableMetadata events = withPlacement(Recordings.table("events"), 4, W2);
        // WHEN
        ColocationMismatch mismatch = Colocation.compare(users, events).orElseThrow();
        // THEN
        assertThat(mismatch.reason()).isEqualTo("they are in the same colocation group 2 but shard 5 of 32 (by hash"
                + " range) is placed on different nodes");
        assertThat(mismatch.position()).isEqualTo(5);
        assertThat(mismatch.expectedShard().placements()).containsExactly(new NodeAddress("w1", 5432));
        assertThat(mismatch.actualShard().placements()).containsExactly(W2);
    }

    @Test
    void should_catch_different_hash_ranges_within_one_colocation_group() {
        // GIVEN
        TableMetadata users = Recordings.table("users");
        TableMetadata events = Recordings.table("events");
        List<Shard> shards = new ArrayList<>(events.shards());
        Shard first = shards.get(0);
        shards.set(0, new Shard(first.shardId(), first.table(), first.tableKind(), first.colocationId(),
                first.minValue(), "-2013265000", first.placements()));
        TableMetadata changed = new TableMetadata("events", "events", events.kind(), events.distributionColumn(),
                events.distributionColumnType(), events.colocationId(), shards);
        // WHEN / THEN
        assertThat(Colocation.compare(users, changed).orElseThrow().reason())
                .endsWith("shard 1 of 32 (by hash range) covers different hash ranges");
    }

    @Test
    void should_report_different_shard_counts() {
        // GIVEN
        TableMetadata users = Recordings.table("users");
        TableMetadata events = Recordings.table("events");
        TableMetadata fewer = new TableMetadata("events", "events", events.kind(), events.distributionColumn(),
                events.distributionColumnType(), events.colocationId(), events.shards().subList(0, 16));
        // WHEN
        ColocationMismatch mismatch = Colocation.compare(users, fewer).orElseThrow();
        // THEN
        assertThat(mismatch.reason()).isEqualTo("users has 32 shards, events has 16");
        assertThat(mismatch.position()).isEqualTo(17);
        assertThat(mismatch.actualShard()).isNull();
    }

    @Test
    void should_not_colocate_plain_citus_local_or_missing_tables() {
        TableMetadata users = Recordings.table("users");
        assertThat(Colocation.compare(users, TableMetadata.plain("settings", "settings")).orElseThrow().reason())
                .isEqualTo("settings is a plain PostgreSQL table: only distributed and reference tables belong to a"
                        + " colocation group");
        assertThat(Colocation.compare(users, TableMetadata.missing("nope")).orElseThrow().reason())
                .isEqualTo("table nope does not exist");
        assertThat(Colocation.firstMismatch(List.of(TableMetadata.missing("nope")))).isPresent();
        assertThat(Colocation.firstMismatch(List.of(users))).isEmpty();
    }

    @Test
    void should_refuse_to_compare_no_table() {
        assertThatIllegalArgumentException().isThrownBy(() -> Colocation.firstMismatch(List.of()));
    }

    private static TableMetadata withPlacement(TableMetadata table, int index, NodeAddress node) {
        List<Shard> shards = new ArrayList<>(table.shards());
        Shard shard = shards.get(index);
        shards.set(index, new Shard(shard.shardId(), shard.table(), shard.tableKind(), shard.colocationId(),
                shard.minValue(), shard.maxValue(), List.of(node)));
        return new TableMetadata(table.requestedName(), table.name(), table.kind(), table.distributionColumn(),
                table.distributionColumnType(), table.colocationId(), shards);
    }
}

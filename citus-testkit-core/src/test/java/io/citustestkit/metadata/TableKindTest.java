package io.citustestkit.metadata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableKindTest {

    @Test
    void should_read_the_kind_from_pg_dist_partition() {
        assertThat(TableKind.fromCatalog("h", "s", 2)).isEqualTo(TableKind.DISTRIBUTED);
        assertThat(TableKind.fromCatalog("n", "t", 3)).isEqualTo(TableKind.REFERENCE);
        assertThat(TableKind.fromCatalog("n", "s", 0)).isEqualTo(TableKind.CITUS_LOCAL);
        assertThat(TableKind.fromCatalog("n", "s", 7)).as("single-shard, no distribution column: a table of a"
                + " distributed schema, or create_distributed_table('t', null)").isEqualTo(TableKind.SINGLE_SHARD);
        assertThat(TableKind.fromCatalog("a", "c", 0)).as("append-distributed").isEqualTo(TableKind.DISTRIBUTED);
    }

    @Test
    void should_count_single_shard_tables_as_distributed() {
        assertThat(TableKind.values()).filteredOn(TableKind::isDistributed)
                .containsExactly(TableKind.DISTRIBUTED, TableKind.SINGLE_SHARD);
    }
}

package io.citustestkit.metadata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableKindTest {

    @Test
    void should_read_the_kind_from_pg_dist_partition() {
        assertThat(TableKind.fromCatalog("h", "s", 2)).isEqualTo(TableKind.DISTRIBUTED);
        assertThat(TableKind.fromCatalog("n", "t", 3)).isEqualTo(TableKind.REFERENCE);
        assertThat(TableKind.fromCatalog("n", "s", 0)).isEqualTo(TableKind.CITUS_LOCAL);
        assertThat(TableKind.fromCatalog("n", "s", 7)).as("single-shard, no distribution column")
                .isEqualTo(TableKind.DISTRIBUTED);
        assertThat(TableKind.fromCatalog("a", "c", 0)).as("append-distributed").isEqualTo(TableKind.DISTRIBUTED);
    }
}

package io.citustestkit.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShardRelationTest {

    @Test
    void should_split_a_shard_name_into_table_and_shard_id() {
        assertThat(ShardRelation.parse("events_2024_102040"))
                .contains(new ShardRelation("events_2024_102040", "events_2024", 102040));
    }

    @Test
    void should_not_take_a_name_without_a_shard_id_for_a_shard() {
        assertThat(ShardRelation.parse("read_intermediate_result")).isEmpty();
        assertThat(ShardRelation.parse("t_99999999999999999999999")).isEmpty();
    }
}

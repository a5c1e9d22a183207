package io.citustestkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad arguments are rejected before anything touches Docker; these tests run without it. */
class CitusTestClusterBuilderTest {

    @Test
    void should_reject_negative_workers_saying_what_is_allowed() {
        assertThatThrownBy(() -> CitusTestCluster.builder().workers(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workers must be 0 or more, but was -1: use 0 for a coordinator-only cluster, or 1 or more workers.");
    }

    @Test
    void should_reject_a_blank_image() {
        assertThatThrownBy(() -> CitusTestCluster.builder().image("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("image must not be blank: give a Citus image such as 'citusdata/citus:");
    }

    @Test
    void should_reject_a_missing_schema_resource_before_starting_anything() {
        assertThatThrownBy(() -> CitusTestCluster.builder().image("no-such/image:never").schema("classpath:nope.sql").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Schema resource 'classpath:nope.sql' was not found on the class path.");
    }

    @Test
    void should_reject_a_shard_count_out_of_range() {
        assertThatThrownBy(() -> CitusTestCluster.builder().shardCount(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shardCount must be between 1 and 64000, but was 0.");
    }

    @Test
    void should_reject_a_blank_schema_location() {
        assertThatThrownBy(() -> CitusTestCluster.builder().schema("classpath:a.sql", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("A schema location must not be blank");
    }
}

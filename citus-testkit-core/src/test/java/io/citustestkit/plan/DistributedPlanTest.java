package io.citustestkit.plan;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.ShardCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DistributedPlanTest {

    @Test
    void should_count_colocated_shards_joined_in_one_task_as_one_shard_group() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("router_colocated_join");
        // THEN
        assertThat(plan.shards()).extracting(ShardRelation::relationName)
                .containsExactly("users_102022", "events_102054");
        assertThat(plan.shardGroupCount()).isEqualTo(1);
    }

    @Test
    void should_count_every_shard_without_a_catalog() {
        // GIVEN
        DistributedPlan recorded = Recordings.plan("router_colocated_join");
        // WHEN
        DistributedPlan plan = DistributedPlan.of(recorded.query(), recorded.root(), ShardCatalog.EMPTY);
        // THEN
        assertThat(plan.shardGroupCount()).isEqualTo(2);
        assertThat(plan.kind()).isEqualTo(PlanKind.ROUTER);
    }

    @Test
    void should_take_a_reference_table_for_a_distributed_one_without_a_catalog() {
        // GIVEN a reference SELECT whose task runs on "coord": only the catalog knows both facts
        DistributedPlan recorded = Recordings.plan("reference_select");
        // WHEN
        DistributedPlan plan = DistributedPlan.of(recorded.query(), recorded.root(), ShardCatalog.EMPTY);
        // THEN
        assertThat(recorded.kind()).isEqualTo(PlanKind.REFERENCE_TABLE);
        assertThat(plan.kind()).as("without a catalog").isEqualTo(PlanKind.ROUTER);
        assertThat(plan.isCoordinator(new NodeAddress("coord", 5432))).isFalse();
        assertThat(plan.isCoordinator(new NodeAddress("localhost", 5432))).isTrue();
    }

    @Test
    void should_name_the_reference_tables_a_multi_shard_join_reads() {
        assertThat(Recordings.plan("reference_join_multi_shard").referenceTables()).containsExactly("event_types");
    }

    @Test
    void should_separate_the_jobs_of_the_main_query_from_those_of_its_subplans() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("cte_with_multi_shard_subplan");
        // THEN
        assertThat(plan.jobs()).hasSize(2);
        assertThat(plan.mainJobs()).hasSize(1);
        assertThat(plan.jobsOf(plan.subplans().get(0))).hasSize(1);
        assertThat(plan.taskCount()).isEqualTo(64);
        assertThat(plan.taskDistribution(plan.mainJobs())).hasToString("32 tasks on 2 workers: w1 16, w2 16");
    }

    @Test
    void should_collect_the_shard_ids_to_look_up() {
        assertThat(DistributedPlan.shardIds(Recordings.plan("router_reference_join").root()))
                .containsExactly(102046L, 102104L);
    }

    @Test
    void should_describe_itself() {
        assertThat(Recordings.plan("multi_row_insert"))
                .hasToString("MULTI_SHARD plan of INSERT INTO events (owner_id, event_type) VALUES (1,'a'),(2,'b'),(3,'c'):"
                        + " 3 tasks on 2 workers: w1 1, w2 2");
    }
}

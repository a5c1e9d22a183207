package io.citustestkit.plan;

import io.citustestkit.metadata.NodeAddress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TaskDistributionTest {

    private static final NodeAddress W1 = new NodeAddress("w1", 5432);
    private static final NodeAddress W2 = new NodeAddress("w2", 5432);

    @Test
    void should_show_tasks_per_worker() {
        assertThat(new TaskDistribution(32, Map.of(W2, 16, W1, 16), Set.of(), false))
                .hasToString("32 tasks on 2 workers: w1 16, w2 16");
    }

    @Test
    void should_name_the_single_node_of_a_single_task() {
        assertThat(new TaskDistribution(1, Map.of(W1, 1), Set.of(), false)).hasToString("1 task on w1");
    }

    @Test
    void should_mark_the_coordinator_unless_its_name_says_so() {
        NodeAddress coord = new NodeAddress("coord", 5432);
        NodeAddress coordinator = new NodeAddress("coordinator", 5432);
        assertThat(new TaskDistribution(1, Map.of(coord, 1), Set.of(coord), false))
                .hasToString("1 task on coordinator coord");
        assertThat(new TaskDistribution(1, Map.of(coordinator, 1), Set.of(coordinator), false))
                .hasToString("1 task on coordinator");
        assertThat(new TaskDistribution(3, Map.of(coord, 1, W1, 2), Set.of(coord), false))
                .hasToString("3 tasks on 2 nodes: coordinator coord 1, w1 2");
    }

    @Test
    void should_use_host_and_port_for_nodes_on_one_host() {
        NodeAddress first = new NodeAddress("localhost", 9701);
        NodeAddress second = new NodeAddress("localhost", 9702);
        assertThat(new TaskDistribution(4, Map.of(first, 2, second, 2), Set.of(), false))
                .hasToString("4 tasks on 2 workers: localhost:9701 2, localhost:9702 2");
    }

    @Test
    void should_say_when_tasks_are_not_listed() {
        assertThat(new TaskDistribution(12, Map.of(), Set.of(), true))
                .hasToString("12 tasks (Citus lists no task of a re-partition query)");
        assertThat(new TaskDistribution(32, Map.of(W1, 1), Set.of(), false))
                .hasToString("32 tasks (EXPLAIN listed 1: w1 1)");
    }

    @Test
    void should_sum_the_tasks_of_several_jobs() {
        DistributedPlan plan = Recordings.plan("cte_with_multi_shard_subplan");
        assertThat(TaskDistribution.of(plan.jobs(), node -> false)).hasToString("64 tasks on 2 workers: w1 32, w2 32");
        assertThat(TaskDistribution.of(List.of(), node -> false)).hasToString("0 tasks");
    }
}

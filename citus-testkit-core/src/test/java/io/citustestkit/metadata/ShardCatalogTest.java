package io.citustestkit.metadata;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShardCatalogTest {

    private static final NodeAddress COORD = new NodeAddress("coord", 5432);
    private static final NodeAddress W1 = new NodeAddress("w1", 5432);

    @Test
    void should_take_group_zero_for_the_coordinator() {
        ShardCatalog catalog = new ShardCatalog(Map.of(), List.of(new ClusterNode(1, 0, COORD), new ClusterNode(2, 1, W1)));
        assertThat(catalog.isCoordinator(COORD)).isTrue();
        assertThat(catalog.isCoordinator(W1)).isFalse();
        assertThat(catalog.isCoordinator(new NodeAddress("localhost", 5432))).as("local execution").isTrue();
    }

    @Test
    void should_not_take_a_worker_registered_as_localhost_for_the_coordinator() {
        NodeAddress localWorker = new NodeAddress("localhost", 9701);
        ShardCatalog catalog = new ShardCatalog(Map.of(), List.of(new ClusterNode(2, 1, localWorker)));
        assertThat(catalog.isCoordinator(localWorker)).isFalse();
    }

    @Test
    void should_know_nothing_when_empty() {
        assertThat(ShardCatalog.EMPTY.shard(102040)).isEmpty();
        assertThat(ShardCatalog.EMPTY.isCoordinator(COORD)).isFalse();
    }
}

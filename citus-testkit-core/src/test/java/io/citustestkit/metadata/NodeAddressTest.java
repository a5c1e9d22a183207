package io.citustestkit.metadata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NodeAddressTest {

    @Test
    void should_parse_the_node_of_a_task() {
        assertThat(NodeAddress.parse("host=w1 port=5432 dbname=postgres")).isEqualTo(new NodeAddress("w1", 5432));
        assertThat(NodeAddress.parse("dbname=citus port=9701 host=10.0.0.7")).hasToString("10.0.0.7:9701");
    }

    @Test
    void should_refuse_a_node_without_host_or_port() {
        assertThatIllegalArgumentException().isThrownBy(() -> NodeAddress.parse("dbname=postgres"))
                .withMessageContaining("\"dbname=postgres\"");
    }

    @Test
    void should_know_localhost() {
        assertThat(new NodeAddress("localhost", 5432).isLocalhost()).isTrue();
        assertThat(new NodeAddress("w1", 5432).isLocalhost()).isFalse();
    }

    @Test
    void should_match_a_node_named_by_host_or_by_host_and_port() {
        NodeAddress worker = new NodeAddress("worker-2", 5432);
        assertThat(worker.matches("worker-2")).as("host, any port").isTrue();
        assertThat(worker.matches("WORKER-2")).as("host names ignore case").isTrue();
        assertThat(worker.matches("worker-2:5432")).isTrue();
        assertThat(worker.matches("worker-2:5433")).as("another port").isFalse();
        assertThat(worker.matches("worker-1")).isFalse();
        assertThat(worker.matches("worker")).isFalse();
    }

    @Test
    void should_sort_by_host_then_port() {
        assertThat(new NodeAddress("w1", 5433)).isGreaterThan(new NodeAddress("w1", 5432))
                .isLessThan(new NodeAddress("w2", 1));
    }
}

package io.citustestkit;

import io.citustestkit.testsupport.DerivedImages;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node is ready when it answers a JDBC round trip with Citus, whatever its entrypoint logs: nothing
 * counts "database system is ready to accept connections".
 */
@EnabledIfCitusImage
class ReadinessIT {

    @Test
    void should_start_nodes_whose_entrypoint_never_logs_the_ready_line() {
        String image = DerivedImages.withoutReadyLine();

        try (CitusTestCluster cluster = CitusTestCluster.builder().image(image).workers(1).shardCount(2).start()) {
            cluster.execute("CREATE TABLE readiness (id bigint); SELECT create_distributed_table('readiness', 'id')");

            assertThat(cluster.allNodes()).flatExtracting(CitusNode::lastLogLines)
                    .as("the entrypoint hid the ready line on every node")
                    .noneMatch(line -> line.contains("ready to accept connections"));
            assertThat(cluster.citusVersion()).startsWith("Citus ");
        }
    }

    @Test
    void should_start_nodes_that_log_through_the_logging_collector() {
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(1).shardCount(2)
                .withNodeCustomizer(node -> node.withCommand(Stream.concat(Stream.of(node.getCommandParts()),
                        Stream.of("-c", "logging_collector=on")).toArray(String[]::new)))
                .start()) {
            cluster.execute("CREATE TABLE collected (id bigint); SELECT create_distributed_table('collected', 'id')");

            assertThat(cluster.allNodes()).flatExtracting(CitusNode::lastLogLines)
                    .as("with the logging collector on, the server's log goes to files, not to the container's output")
                    .noneMatch(line -> line.contains("ready to accept connections"))
                    .anyMatch(line -> line.contains("logging collector"));
        }
    }
}

package io.citustestkit.node;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.output.OutputFrame;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NodeLogTest {

    @Test
    void should_keep_the_last_lines() {
        NodeLog log = new NodeLog("worker-1");
        for (int i = 1; i <= NodeLog.KEPT_LINES + 5; i++) {
            log.accept(new OutputFrame(OutputFrame.OutputType.STDOUT, ("line " + i + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        log.accept(new OutputFrame(OutputFrame.OutputType.STDERR,
                "LOG:  database system is ready to accept connections\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(log.lastLines()).hasSize(NodeLog.KEPT_LINES).first().isEqualTo("line 7");
        assertThat(log.tail()).endsWith("    | LOG:  database system is ready to accept connections");
    }

    @Test
    void should_say_when_a_node_printed_nothing() {
        assertThat(new NodeLog("coordinator").tail()).isEqualTo("    (the node printed nothing)");
    }
}

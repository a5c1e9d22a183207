package io.citustestkit.node;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.output.OutputFrame;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link NodeStarter.Starts}: one node as soon as it is ready, every node's failure in one message, and no start left behind. */
class NodeStartsTest {

    private static final String IMAGE = "citusdata/citus:14.1.0";
    private static final String HINT = "Is it a Citus image?";

    private final Map<NodeStarter.Starting, CompletableFuture<Void>> futures = new LinkedHashMap<>();

    private CompletableFuture<Void> node(String name, String... logLines) {
        NodeLog log = new NodeLog(name);
        for (String line : logLines) {
            log.accept(new OutputFrame(OutputFrame.OutputType.STDOUT, (line + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        futures.put(new NodeStarter.Starting(name, null, log), future);
        return future;
    }

    private NodeStarter.Starts starts() {
        return new NodeStarter.Starts(futures, IMAGE, HINT);
    }

    @Test
    void should_tell_whether_one_node_started_without_waiting_for_the_others() {
        node("coordinator").complete(null);
        CompletableFuture<Void> worker = node("worker-1"); // still starting
        node("worker-2").completeExceptionally(new IllegalStateException("boom"));

        NodeStarter.Starts starts = starts();

        assertThat(starts.awaitStarted("coordinator")).isTrue();
        assertThat(starts.awaitStarted("worker-2")).isFalse();
        assertThat(worker).isNotDone();
        assertThatThrownBy(() -> starts.awaitStarted("worker-3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No node named worker-3 is starting; starting: [coordinator, worker-1, worker-2]");
    }

    @Test
    void should_name_every_node_that_failed_with_why_and_its_log() {
        node("coordinator").complete(null);
        NodeNotReadyException exited = new NodeNotReadyException("its container exited with code 1 before PostgreSQL accepted connections",
                NodeNotReadyException.Reason.EXITED, null);
        node("worker-1", "FATAL:  could not load library citus").completeExceptionally(exited);
        NodeNotReadyException late = new NodeNotReadyException("it did not answer a JDBC round trip within 120 s",
                NodeNotReadyException.Reason.TIMED_OUT, null);
        node("worker-2").completeExceptionally(late);

        assertThatThrownBy(() -> starts().awaitAll())
                .isInstanceOf(NodeSetupException.class)
                .hasCause(exited)
                .hasMessage("Node worker-1 (image " + IMAGE + ") did not start: its container exited with code 1 before PostgreSQL "
                        + "accepted connections.\n  " + HINT + "\n  Last lines of its log:\n    | FATAL:  could not load library citus\n"
                        + "Node worker-2 (image " + IMAGE + ") did not start: it did not answer a JDBC round trip within 120 s.\n"
                        + "  Last lines of its log:\n    (the node printed nothing)");
    }

    @Test
    void should_wait_for_every_start_after_a_failure_without_throwing() {
        node("coordinator").completeExceptionally(new IllegalStateException("refused"));
        CompletableFuture<Void> worker = node("worker-1");
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> worker.complete(null));

        starts().awaitQuietly();

        assertThat(worker).isCompleted();
    }
}

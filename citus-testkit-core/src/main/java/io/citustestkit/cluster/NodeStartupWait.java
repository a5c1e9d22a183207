package io.citustestkit.cluster;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

import java.time.Duration;

/**
 * Waits until a node has logged "database system is ready to accept connections" as often as expected
 * (twice when the official image initialises: its init server, then the real one), and fails at once
 * when the container exits instead of waiting out the timeout.
 *
 * <pre>{@code
 * container.waitingFor(new NodeStartupWait(log, Duration.ofMinutes(2), 2));
 * }</pre>
 */
public final class NodeStartupWait extends AbstractWaitStrategy {

    private final NodeLog log;
    private final int expectedReadyLines;

    /**
     * @param expectedReadyLines 2 for a node that initialises its data directory (the entrypoint's
     *                           temporary server, then the real one), 1 for a node that starts from an
     *                           initialised one
     */
    public NodeStartupWait(NodeLog log, Duration timeout, int expectedReadyLines) {
        this.log = log;
        this.expectedReadyLines = expectedReadyLines;
        withStartupTimeout(timeout);
    }

    @Override
    protected void waitUntilReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (log.readyLines() < expectedReadyLines) {
            InspectContainerResponse.ContainerState state = waitStrategyTarget.getCurrentContainerInfo().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                throw new NodeNotReadyException("its container exited with code " + state.getExitCodeLong()
                        + " before PostgreSQL was ready", true);
            }
            if (System.nanoTime() > deadline) {
                throw new NodeNotReadyException("it was still not ready after " + startupTimeout.toSeconds()
                        + " s: \"" + NodeLog.READY_LINE + "\" was logged " + log.readyLines() + " of the "
                        + expectedReadyLines + " times expected", false);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NodeNotReadyException("interrupted while waiting for the node to start", e);
            }
        }
    }
}

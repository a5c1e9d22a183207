package io.citustestkit.cluster;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

import java.time.Duration;

/**
 * Waits until a node has logged "database system is ready to accept connections" twice (the official
 * image's init server, then the real one), and fails at once when the container exits instead of
 * waiting out the timeout.
 */
public final class NodeStartupWait extends AbstractWaitStrategy {

    private static final int EXPECTED_READY_LINES = 2;

    private final NodeLog log;

    public NodeStartupWait(NodeLog log, Duration timeout) {
        this.log = log;
        withStartupTimeout(timeout);
    }

    @Override
    protected void waitUntilReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (log.readyLines() < EXPECTED_READY_LINES) {
            InspectContainerResponse.ContainerState state = waitStrategyTarget.getCurrentContainerInfo().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                throw new NodeNotReadyException("its container exited with code " + state.getExitCodeLong()
                        + " before PostgreSQL was ready", true);
            }
            if (System.nanoTime() > deadline) {
                throw new NodeNotReadyException("it was still not ready after " + startupTimeout.toSeconds()
                        + " s: \"" + NodeLog.READY_LINE + "\" was logged " + log.readyLines() + " of the "
                        + EXPECTED_READY_LINES + " times expected", false);
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

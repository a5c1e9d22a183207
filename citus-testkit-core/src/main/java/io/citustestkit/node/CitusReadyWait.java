package io.citustestkit.node;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

import java.sql.Connection;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Testcontainers' wait strategy for a node: ready when {@link NodeReadiness} gets a JDBC round trip
 * with Citus. A node started from an image with data (the initialised-image cache, a snapshot) first
 * gets the cluster's password and a Citus {@code server_id} of its own ({@link ClonedNodeSetup}), on the same
 * connection when its data's password is known. A node of a cluster also stores the inter-node password
 * there ({@link NodeSpec#storesInterNodePassword}).
 */
final class CitusReadyWait extends AbstractWaitStrategy {

    private final NodeSpec spec;
    private final ClonedNodeSetup clonedNodeSetup;

    CitusReadyWait(NodeSpec spec) {
        this.spec = spec;
        this.clonedNodeSetup = spec.withData ? new ClonedNodeSetup(spec, this::jdbcUrl, this::exited) : null;
        withStartupTimeout(spec.timeout);
    }

    @Override
    protected void waitUntilReady() {
        Duration timeout = startupTimeout;
        Consumer<Connection> onReady = spec.storesInterNodePassword
                ? connection -> ClusterRegistration.storeInterNodePassword(connection, spec.nodeName, spec.password)
                : connection -> { };
        if (clonedNodeSetup != null) {
            long started = System.nanoTime();
            if (clonedNodeSetup.run(waitStrategyTarget, started + startupTimeout.toNanos(), onReady)) {
                return; // it answered with Citus on the connection that set its password
            }
            timeout = startupTimeout.minusNanos(System.nanoTime() - started);
        }
        NodeReadiness.awaitCitus(spec.nodeName, this::jdbcUrl, spec.password, timeout, spec.userImage, spec.howToChooseAnother,
                this::exited, onReady);
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://" + waitStrategyTarget.getHost() + ":" + waitStrategyTarget.getMappedPort(NodeSettings.POSTGRES_PORT)
                + "/" + NodeSettings.DATABASE;
    }

    /** Why the container stopped running, or {@code null} while it runs. */
    private String exited() {
        InspectContainerResponse.ContainerState state = waitStrategyTarget.getCurrentContainerInfo().getState();
        return Boolean.TRUE.equals(state.getRunning()) ? null : "its container exited with code " + state.getExitCodeLong();
    }
}

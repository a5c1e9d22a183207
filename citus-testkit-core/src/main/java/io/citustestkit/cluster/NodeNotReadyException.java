package io.citustestkit.cluster;

import org.testcontainers.containers.ContainerLaunchException;

/**
 * A node container ran but PostgreSQL did not become ready: it exited, or the wait timed out. Told
 * apart from Docker failing to create or start the container at all.
 *
 * <pre>{@code
 * if (cause instanceof NodeNotReadyException notReady && notReady.exited()) { ... }
 * }</pre>
 */
public final class NodeNotReadyException extends ContainerLaunchException {

    private static final long serialVersionUID = 1L;

    private final boolean exited;

    NodeNotReadyException(String message, boolean exited) {
        super(message);
        this.exited = exited;
    }

    NodeNotReadyException(String message, Throwable cause) {
        super(message, cause);
        this.exited = false;
    }

    /** Whether the container exited (as opposed to still running when the wait timed out). */
    public boolean exited() {
        return exited;
    }
}

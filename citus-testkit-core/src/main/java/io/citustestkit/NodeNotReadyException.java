package io.citustestkit;

import org.testcontainers.containers.ContainerLaunchException;

/**
 * A node container ran but did not become a ready Citus node: it exited, it answers without Citus,
 * or the wait timed out. Told apart from Docker failing to create or start the container at all.
 */
final class NodeNotReadyException extends ContainerLaunchException {

    private static final long serialVersionUID = 1L;

    /** Why the node is not ready. */
    enum Reason { EXITED, NOT_CITUS, TIMED_OUT, REFUSED }

    private final Reason reason;

    NodeNotReadyException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}

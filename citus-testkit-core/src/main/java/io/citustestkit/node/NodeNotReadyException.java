package io.citustestkit.node;

import org.apiguardian.api.API;
import org.testcontainers.containers.ContainerLaunchException;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A node container ran but did not become a ready Citus node: it exited, it answers without Citus,
 * or the wait timed out. Told apart from Docker failing to create or start the container at all.
 */
@API(status = INTERNAL, since = "0.1")
public final class NodeNotReadyException extends ContainerLaunchException {

    private static final long serialVersionUID = 1L;

    /** Why the node is not ready. */
    public enum Reason { EXITED, NOT_CITUS, TIMED_OUT, REFUSED }

    private final Reason reason;

    public NodeNotReadyException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package io.citustestkit.node;

import io.citustestkit.commons.CitusTestkitException;
import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A node could not be set up or registered (the inter-node password, {@code citus_add_node}, the topology
 * Citus reports); the message names the node, the SQL and what the server said. The cluster's life cycle
 * reports it as a {@code ClusterStartException} with the same message.
 */
@API(status = INTERNAL, since = "0.1")
public final class NodeSetupException extends CitusTestkitException {

    private static final long serialVersionUID = 1L;

    /** A failure saying {@code message}. */
    public NodeSetupException(String message) {
        super(message);
    }

    /** A failure saying {@code message}, caused by {@code cause}. */
    public NodeSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}

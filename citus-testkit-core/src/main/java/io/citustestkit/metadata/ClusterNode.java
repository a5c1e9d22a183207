package io.citustestkit.metadata;

import org.apiguardian.api.API;

import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * A primary node of a Citus cluster, one row of {@code pg_dist_node}.
 *
 * <pre>{@code
 * ClusterNode coordinator = new ClusterNode(1, 0, new NodeAddress("coord", 5432));
 * coordinator.isCoordinator();  // true: the coordinator is always group 0
 * }</pre>
 *
 * @param nodeId the node's {@code nodeid}
 * @param groupId the node's {@code groupid}; 0 is the coordinator
 * @param address the node's host and port
 */
@API(status = STABLE, since = "0.1")
public record ClusterNode(int nodeId, int groupId, NodeAddress address) {

    /**
     * Creates the node; {@code address} must not be {@code null}.
     *
     * @param nodeId the node's {@code nodeid}
     * @param groupId the node's {@code groupid}; 0 is the coordinator
     * @param address the node's host and port
     */
    public ClusterNode {
        Objects.requireNonNull(address, "address");
    }

    /** {@return whether this node is the coordinator (group 0 in {@code pg_dist_node})} */
    public boolean isCoordinator() {
        return groupId == 0;
    }

    @Override
    public String toString() {
        return address + (isCoordinator() ? " (coordinator)" : "");
    }
}

package io.citustestkit.cluster;

import java.util.Map;

/**
 * The Docker labels citus-testkit puts on every container and network it creates, so that leftovers
 * can be found (and counted by tests) with {@code docker ps -a --filter label=io.citustestkit.managed}.
 *
 * <pre>{@code
 * container.withLabels(ContainerLabels.forNode(clusterId, "worker", "worker-1"));
 * }</pre>
 */
public final class ContainerLabels {

    /** Present, with value {@code true}, on everything citus-testkit creates. */
    public static final String MANAGED = "io.citustestkit.managed";

    /** The id of the cluster a container or network belongs to. */
    public static final String CLUSTER = "io.citustestkit.cluster";

    /** {@code coordinator} or {@code worker}. */
    public static final String ROLE = "io.citustestkit.role";

    /** The node's name inside the cluster, e.g. {@code worker-1}. */
    public static final String NODE = "io.citustestkit.node";

    private ContainerLabels() {
    }

    /** Labels for a network of the given cluster. */
    public static Map<String, String> forNetwork(String clusterId) {
        return Map.of(MANAGED, "true", CLUSTER, clusterId);
    }

    /** Labels for a node container of the given cluster. */
    public static Map<String, String> forNode(String clusterId, String role, String nodeName) {
        return Map.of(MANAGED, "true", CLUSTER, clusterId, ROLE, role, NODE, nodeName);
    }
}

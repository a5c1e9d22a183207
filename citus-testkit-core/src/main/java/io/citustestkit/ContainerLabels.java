package io.citustestkit;

import java.util.Map;

/**
 * The Docker labels citus-testkit puts on every container and network it creates, so that leftovers
 * can be found with {@code docker ps -a --filter label=io.citustestkit.managed} and removed with
 * {@code docker rm -f $(docker ps -aq --filter label=io.citustestkit.managed)}.
 *
 * <pre>{@code
 * docker ps -a --filter label=io.citustestkit.cluster=1a2b3c4d
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

    /**
     * The JVM that created it ({@code host/boot-id/pid/start-millis}): a later start on the same
     * machine removes what a JVM that no longer runs left behind.
     */
    public static final String OWNER = "io.citustestkit.owner";

    private ContainerLabels() {
    }

    /** Labels for a network of the given cluster. */
    static Map<String, String> forNetwork(String clusterId) {
        return Map.of(MANAGED, "true", CLUSTER, clusterId, OWNER, JvmOwner.current().label());
    }

    /** Labels for a node container of the given cluster. */
    static Map<String, String> forNode(String clusterId, String role, String nodeName) {
        return Map.of(MANAGED, "true", CLUSTER, clusterId, ROLE, role, NODE, nodeName, OWNER, JvmOwner.current().label());
    }
}

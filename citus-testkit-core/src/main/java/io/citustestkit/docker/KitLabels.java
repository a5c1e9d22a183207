package io.citustestkit.docker;

import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The labels the kit puts on every container, network and kept image it creates (their names are public
 * API as {@code io.citustestkit.ContainerLabels}): which cluster, role and node, and which JVM made it, so
 * that leftovers of killed JVMs can be found and removed ({@link LeftoverClusters}).
 *
 * <pre>{@code
 * container.withLabels(KitLabels.forNode("1a2b3c4d", "worker", "worker-1"));
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class KitLabels {

    /** Present, with value {@code true}, on everything citus-testkit creates. */
    public static final String MANAGED = "io.citustestkit.managed";
    /** The id of the cluster a container or network belongs to. */
    public static final String CLUSTER = "io.citustestkit.cluster";
    /** {@code coordinator} or {@code worker}. */
    public static final String ROLE = "io.citustestkit.role";
    /** The node's name inside the cluster, e.g. {@code worker-1}. */
    public static final String NODE = "io.citustestkit.node";
    /** The JVM that created it ({@link JvmOwner#label()}). */
    public static final String OWNER = "io.citustestkit.owner";

    /**
     * The value that kept images (snapshots, the initialised-image cache) carry in every label of
     * Testcontainers' session filter, so that no Ryuk ever matches them.
     */
    public static final String KEPT = "kept-by-citus-testkit";

    private KitLabels() {
    }

    /**
     * Labels for an image committed from a container that Testcontainers labelled for its session:
     * {@code labels} plus every label of the filter Testcontainers registers with Ryuk
     * ({@code org.testcontainers}, {@code .lang}, {@code .version}, {@code .sessionId}) set to
     * {@value #KEPT}. Committing a container copies the container's labels into the image and lets the
     * labels it is given win, and Ryuk removes every image that matches its session's filter when the
     * JVM ends; with these the image outlives the run, while the containers and networks (which keep
     * the session's labels) are still reaped.
     */
    public static Map<String, String> forKeptImage(Map<String, String> labels) {
        Map<String, String> kept = new LinkedHashMap<>(labels);
        DockerClientFactory.DEFAULT_LABELS.keySet().forEach(name -> kept.put(name, KEPT));
        kept.put(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, KEPT);
        return kept;
    }

    /** Labels for a network of the given cluster. */
    public static Map<String, String> forNetwork(String clusterId) {
        return Map.of(MANAGED, "true", CLUSTER, clusterId, OWNER, JvmOwner.current().label());
    }

    /** Labels for a node container of the given cluster. */
    public static Map<String, String> forNode(String clusterId, String role, String nodeName) {
        return Map.of(MANAGED, "true", CLUSTER, clusterId, ROLE, role, NODE, nodeName, OWNER, JvmOwner.current().label());
    }
}

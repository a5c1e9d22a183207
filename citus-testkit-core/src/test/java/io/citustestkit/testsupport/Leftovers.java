package io.citustestkit.testsupport;

import com.github.dockerjava.api.DockerClient;
import io.citustestkit.ContainerLabels;
import org.testcontainers.DockerClientFactory;

import java.util.List;
import java.util.Map;

/**
 * Counts what citus-testkit left in Docker: containers (running or not) and networks carrying the
 * {@value ContainerLabels#MANAGED} label, optionally of one cluster.
 *
 * <pre>{@code
 * assertThat(Leftovers.containers()).isZero();
 * }</pre>
 */
public final class Leftovers {

    private Leftovers() {
    }

    /** Containers of any citus-testkit cluster, running or stopped. */
    public static int containers() {
        return client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.MANAGED, "true")).exec().size();
    }

    /** Containers of the cluster with the given id, running or stopped. */
    public static int containers(String clusterId) {
        return client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.CLUSTER, clusterId)).exec().size();
    }

    /** Networks of any citus-testkit cluster. */
    public static int networks() {
        return client().listNetworksCmd().withFilter("label", List.of(ContainerLabels.MANAGED + "=true")).exec().size();
    }

    /** Networks of the cluster with the given id. */
    public static int networks(String clusterId) {
        return client().listNetworksCmd().withFilter("label", List.of(ContainerLabels.CLUSTER + "=" + clusterId)).exec().size();
    }

    private static DockerClient client() {
        return DockerClientFactory.instance().client();
    }
}

package io.citustestkit.testsupport;

import com.github.dockerjava.api.DockerClient;
import io.citustestkit.ContainerLabels;
import org.testcontainers.DockerClientFactory;

import java.util.List;
import java.util.Map;

/**
 * Counts what citus-testkit left in Docker: containers (running or not) and networks of one cluster,
 * or of every cluster this JVM made. Never counts the whole engine: other runs of the suite, other
 * builds, other users' tests start and stop clusters on the same engine at any moment.
 *
 * <pre>{@code
 * int before = Leftovers.containersOfThisJvm();
 * ...
 * assertThat(Leftovers.containersOfThisJvm()).isEqualTo(before);
 * assertThat(Leftovers.containers(clusterId)).isZero();
 * }</pre>
 */
public final class Leftovers {

    /** The labels of what this JVM created: the kit's, and this JVM's Testcontainers session id. */
    private static final Map<String, String> THIS_JVM = Map.of(
            ContainerLabels.MANAGED, "true",
            DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID);

    private Leftovers() {
    }

    /** Containers of any cluster this JVM created, running or stopped. */
    public static int containersOfThisJvm() {
        return client().listContainersCmd().withShowAll(true).withLabelFilter(THIS_JVM).exec().size();
    }

    /** Networks of any cluster this JVM created. */
    public static int networksOfThisJvm() {
        return client().listNetworksCmd().withFilter("label", THIS_JVM.entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue()).toList()).exec().size();
    }

    /** Containers of the cluster with the given id, running or stopped. */
    public static int containers(String clusterId) {
        return client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.CLUSTER, clusterId)).exec().size();
    }

    /** Networks of the cluster with the given id. */
    public static int networks(String clusterId) {
        return client().listNetworksCmd().withFilter("label", List.of(ContainerLabels.CLUSTER + "=" + clusterId)).exec().size();
    }

    private static DockerClient client() {
        return DockerClientFactory.instance().client();
    }
}

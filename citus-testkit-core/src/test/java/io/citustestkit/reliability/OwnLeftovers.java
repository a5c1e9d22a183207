package io.citustestkit.reliability;

import com.github.dockerjava.api.DockerClient;
import io.citustestkit.ContainerLabels;
import io.citustestkit.testsupport.Leftovers;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What this JVM left in Docker: the containers and networks that carry both the
 * {@value ContainerLabels#MANAGED} label and this JVM's Testcontainers session id. Other builds on
 * the same machine start and stop clusters at any moment, so the machine-wide
 * {@link Leftovers#containers()} can change during a test for reasons of their own; this count
 * cannot.
 *
 * <p>It also records the ids of the clusters a test configures, through a node customizer that
 * reads the cluster label of each node, so that a failed start can be checked by
 * {@link Leftovers#containers(String)} even though it never returned the cluster.
 *
 * <pre>{@code
 * OwnLeftovers.Count before = OwnLeftovers.count();
 * OwnLeftovers.ClusterIds ids = new OwnLeftovers.ClusterIds();
 * CitusTestCluster.builder().withNodeCustomizer(ids).start();
 * }</pre>
 */
final class OwnLeftovers {

    private static final Map<String, String> THIS_JVM = Map.of(
            ContainerLabels.MANAGED, "true",
            DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID);

    private OwnLeftovers() {
    }

    /** Labelled containers (running or not) and networks this JVM created and has not removed. */
    record Count(int containers, int networks) {
    }

    static Count count() {
        DockerClient client = DockerClientFactory.instance().client();
        int containers = client.listContainersCmd().withShowAll(true).withLabelFilter(THIS_JVM).exec().size();
        int networks = client.listNetworksCmd().withFilter("label", THIS_JVM.entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue()).toList()).exec().size();
        return new Count(containers, networks);
    }

    /** A node customizer that records the id of every cluster whose nodes it sees. */
    static final class ClusterIds implements Consumer<PostgreSQLContainer> {

        private final Set<String> ids = ConcurrentHashMap.newKeySet();

        @Override
        public void accept(PostgreSQLContainer node) {
            ids.add(node.getLabels().get(ContainerLabels.CLUSTER));
        }

        /** The ids of the clusters whose nodes were configured, i.e. that could have created anything. */
        List<String> seen() {
            return List.copyOf(ids);
        }
    }
}

package io.citustestkit.reliability;

import io.citustestkit.ContainerLabels;
import io.citustestkit.testsupport.Leftovers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What this JVM left in Docker: the containers and networks that carry both the
 * {@value ContainerLabels#MANAGED} label and this JVM's Testcontainers session id
 * ({@link Leftovers#containersOfThisJvm()}). Other builds on the same machine start and stop clusters
 * at any moment; this count cannot change for reasons of their own.
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

    private OwnLeftovers() {
    }

    /** Labelled containers (running or not) and networks this JVM created and has not removed. */
    record Count(int containers, int networks) {
    }

    static Count count() {
        return new Count(Leftovers.containersOfThisJvm(), Leftovers.networksOfThisJvm());
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

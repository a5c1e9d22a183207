package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.ContainerLabels;
import org.testcontainers.DockerClientFactory;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Looks at the containers citus-testkit labels, to check what a run leaves behind. */
final class Containers {

    private Containers() {
    }

    /** Names of the containers that still exist for the given clusters. */
    static List<String> runningOf(Collection<CitusTestCluster> clusters) {
        return clusters.stream()
                .flatMap(cluster -> DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(ContainerLabels.CLUSTER, cluster.id())).exec().stream())
                .flatMap(container -> Arrays.stream(container.getNames()))
                .toList();
    }
}

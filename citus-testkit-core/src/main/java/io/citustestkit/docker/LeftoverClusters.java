package io.citustestkit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Removes what a killed JVM left behind: every container and network labelled
 * {@value KitLabels#MANAGED} whose {@link KitLabels#OWNER owner} is a JVM of this machine
 * and PID namespace that provably no longer runs (SIGKILL, an IDE's stop button, a CI time-out: no
 * shutdown hook ran, and Ryuk may be disabled; the rule is {@link JvmOwner#hasEnded}). Clusters of JVMs
 * that still run, of other machines or PID namespaces sharing the engine (CI jobs in containers), or
 * whose owner this JVM cannot see, are never touched. Runs before every cluster start; the same can be done by hand with
 * {@code docker rm -f $(docker ps -aq --filter label=io.citustestkit.managed)} when no test runs.
 */
@API(status = INTERNAL, since = "0.1")
public final class LeftoverClusters {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverClusters.class);

    private LeftoverClusters() {
    }

    public static void removeThoseOfEndedJvms() {
        try {
            remove(DockerClientFactory.instance().client());
        } catch (RuntimeException e) {
            LOG.warn("Could not look for clusters left behind by ended JVMs: {}", e.getMessage(), e);
        }
    }

    private static void remove(DockerClient docker) {
        Set<String> clusters = new TreeSet<>();
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(KitLabels.MANAGED, "true")).exec();
        for (Container container : containers) {
            String owner = container.getLabels().get(KitLabels.OWNER);
            if (JvmOwner.parse(owner).filter(JvmOwner::hasEnded).isPresent()) {
                clusters.add(container.getLabels().getOrDefault(KitLabels.CLUSTER, "?"));
                try {
                    docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                } catch (RuntimeException e) {
                    LOG.warn("Could not remove container {} left behind by {}: {}", container.getNames()[0], owner, e.getMessage());
                }
            }
        }
        List<Network> networks = docker.listNetworksCmd().withFilter("label", List.of(KitLabels.MANAGED + "=true")).exec();
        for (Network network : networks) {
            String owner = network.getLabels().get(KitLabels.OWNER);
            if (JvmOwner.parse(owner).filter(JvmOwner::hasEnded).isPresent()) {
                clusters.add(network.getLabels().getOrDefault(KitLabels.CLUSTER, "?"));
                try {
                    docker.removeNetworkCmd(network.getId()).exec();
                } catch (RuntimeException e) {
                    LOG.warn("Could not remove network {} left behind by {}: {}", network.getName(), owner, e.getMessage());
                }
            }
        }
        if (!clusters.isEmpty()) {
            LOG.info("Removed Citus cluster(s) {} left behind by JVMs of this machine and PID namespace that no longer run", clusters);
        }
    }
}

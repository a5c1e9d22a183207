package io.citustestkit.cluster;

import io.citustestkit.ClusterStartException;
import org.testcontainers.DockerClientFactory;

/** Checks that a Docker engine answers before anything is created. *
 * <pre>{@code
 * DockerEnvironment.requireAvailable(); // throws ClusterStartException with how to fix it
 * }</pre>
 */
public final class DockerEnvironment {

    private DockerEnvironment() {
    }

    /** Whether Testcontainers finds a working Docker engine. */
    public static boolean isAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Fails with a message that says how Testcontainers looks for Docker when no engine answers.
     *
     * @throws ClusterStartException if Docker is not reachable
     */
    public static void requireAvailable() {
        try {
            DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new ClusterStartException(notReachableMessage(), e);
        }
    }

    /** The message for a missing Docker engine; shared with the JUnit extension. */
    public static String notReachableMessage() {
        return "Docker is not reachable, so no Citus cluster can be started.\n"
                + "  Testcontainers looks for an engine through the DOCKER_HOST environment variable, the docker.host entry of "
                + "~/.testcontainers.properties, the current docker context, and the default socket unix:///var/run/docker.sock.\n"
                + "  Start Docker (or point DOCKER_HOST at a running engine) and run again. If Docker is up but Testcontainers' Ryuk "
                + "image cannot be pulled (no registry), set TESTCONTAINERS_RYUK_DISABLED=true: citus-testkit still removes what it "
                + "starts. See "
                + "https://java.testcontainers.org/supported_docker_environment/ .";
    }
}

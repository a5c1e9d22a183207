package io.citustestkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Checks, before anything is created, that a Docker engine answers and that Testcontainers' Ryuk
 * reaper can start (its image is present or can be pulled), so that a missing registry is said in
 * seconds rather than after Testcontainers' minutes of pull retries. Also tells whether the engine
 * is local, so node ports can be published on the loopback interface only.
 *
 * <pre>{@code
 * if (!DockerEnvironment.isAvailable()) { ... } // e.g. in a JUnit condition
 * DockerEnvironment.requireAvailable();         // throws ClusterStartException with how to fix it
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class DockerEnvironment {

    /** The reaper image Testcontainers 2.0 starts unless {@value #RYUK_DISABLED_VARIABLE} is {@code true}. */
    static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";
    static final String RYUK_DISABLED_VARIABLE = "TESTCONTAINERS_RYUK_DISABLED";
    private static final long RYUK_PULL_SECONDS = 60;

    private DockerEnvironment() {
    }

    /** {@return whether a Docker engine answers (and Testcontainers could initialise its client)} */
    public static boolean isAvailable() {
        try {
            requireAvailable();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Fails with a message that says what is missing and how to fix it when no engine answers, or when
     * it answers but Ryuk's image can be neither found nor pulled.
     *
     * @throws ClusterStartException if Docker is not usable
     */
    public static synchronized void requireAvailable() {
        DockerClient raw;
        try {
            raw = DockerClientProviderStrategy.getClientForConfig(DockerClientFactory.instance().getTransportConfig());
            raw.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new ClusterStartException(notReachableMessage(), e);
        }
        if (!Boolean.parseBoolean(System.getenv(RYUK_DISABLED_VARIABLE))) {
            requireRyukImage(raw);
        }
        try {
            DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new ClusterStartException("Docker answers, but Testcontainers could not initialise its client: " + e.getMessage()
                    + "\n  " + ryukHint(), e);
        }
    }

    private static void requireRyukImage(DockerClient raw) {
        String image = ImageNameSubstitutor.instance().apply(DockerImageName.parse(RYUK_IMAGE)).asCanonicalNameString();
        try {
            raw.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException absent) {
            // pull it below
        }
        String why;
        try {
            DockerImageName name = DockerImageName.parse(image);
            boolean done = raw.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart())
                    .exec(new PullImageResultCallback()).awaitCompletion(RYUK_PULL_SECONDS, TimeUnit.SECONDS);
            why = done ? null : "the pull did not finish within " + RYUK_PULL_SECONDS + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted while pulling";
        } catch (RuntimeException e) {
            why = String.valueOf(e.getMessage()).strip();
        }
        if (why != null) {
            throw new ClusterStartException(ryukNotStartableMessage(image, why));
        }
    }

    static String ryukNotStartableMessage(String image, String why) {
        return "Docker answers, but Testcontainers' Ryuk container cannot be started: its image '" + image
                + "' is not present and could not be pulled (" + why + ").\n  " + ryukHint();
    }

    private static String ryukHint() {
        return "Pull " + RYUK_IMAGE + " (or set ryuk.container.image / hub.image.name.prefix in ~/.testcontainers.properties "
                + "for a registry mirror), or set the environment variable " + RYUK_DISABLED_VARIABLE + "=true: citus-testkit "
                + "still removes what it starts (at close, at JVM exit, and clusters of killed JVMs at the next start).";
    }

    /**
     * Whether Testcontainers reaches containers through a loopback address (the engine runs on this
     * machine), so ports can be published on 127.0.0.1 only. {@code false} for a remote engine.
     */
    static boolean hostIsLoopback() {
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        try {
            return "localhost".equalsIgnoreCase(host) || InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@return the message for a missing Docker engine} It is shared with the JUnit extension. */
    public static String notReachableMessage() {
        return "Docker is not reachable, so no Citus cluster can be started.\n"
                + "  Testcontainers looks for an engine through the DOCKER_HOST environment variable, the docker.host entry of "
                + "~/.testcontainers.properties, the current docker context, and the default socket unix:///var/run/docker.sock.\n"
                + "  Start Docker (or point DOCKER_HOST at a running engine) and run again. See "
                + "https://java.testcontainers.org/supported_docker_environment/ .";
    }
}

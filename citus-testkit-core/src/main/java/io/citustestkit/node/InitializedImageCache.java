package io.citustestkit.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import io.citustestkit.commons.Sha256;
import io.citustestkit.commons.Stopwatch;
import io.citustestkit.docker.ImagePresence;
import io.citustestkit.docker.JvmOwner;
import io.citustestkit.docker.KitLabels;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The start-up lever "start nodes from an already-initialised data directory": the first time a Citus
 * image is used, one node is initialised ({@code initdb}, {@code CREATE EXTENSION citus}), shut down
 * cleanly and committed as a local image, {@code localhost/citus-testkit-cache/initialized:<hash>}; nodes then
 * start from that image and skip initialisation. Each clone gets its own Citus {@code server_id}
 * ({@link ClonedNodeSetup}), without which Citus refuses {@code citus_add_node} with "Node cannot add
 * itself as a worker".
 *
 * <p>The image holds no usable credentials: it is initialised with a random password that is
 * forgotten, and every node started from it gets its cluster's password at start
 * ({@link ClonedNodeSetup}). The cached image carries the label {@value #LABEL}; remove it with
 * {@code docker image prune -a --filter label=io.citustestkit.cache}.
 *
 * <pre>{@code
 * String image = InitializedImageCache.imageFor("citusdata/citus:14.1.0", Duration.ofMinutes(2), CitusImage.howToOverride());
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class InitializedImageCache {

    /** Label of the cached images. */
    public static final String LABEL = "io.citustestkit.cache";

    /** Where the cached images keep their data: outside the official images' volumes, so commit keeps it. */
    public static final String DATA_DIRECTORY = "/citus-testkit/pgdata";

    /** With the registry {@code localhost/}, which Testcontainers' image name substitution leaves alone. */
    private static final String REPOSITORY = "localhost/citus-testkit-cache/initialized";
    private static final String FORMAT_VERSION = "2";
    private static final Logger LOG = LoggerFactory.getLogger(InitializedImageCache.class);
    private static final Object LOCK = new Object();

    private InitializedImageCache() {
    }

    /**
     * Returns the initialised image for {@code baseImage} (as Docker knows it), creating it the first time.
     *
     * @param howToChooseAnother how to choose another image, for the message of an image without Citus
     * @throws NotCreated if the image cannot be initialised
     */
    public static String imageFor(String baseImage, Duration timeout, String howToChooseAnother) {
        DockerClient docker = DockerClientFactory.instance().client();
        String image = REPOSITORY + ":" + tagFor(docker.inspectImageCmd(baseImage).exec());
        synchronized (LOCK) {
            if (ImagePresence.isPresentLocally(image)) {
                return image;
            }
            long started = System.nanoTime();
            NodeLog log = new NodeLog("image-cache");
            String name = "citus-testkit-cache-" + UUID.randomUUID().toString().substring(0, 8);
            try (PostgreSQLContainer node = NodeContainers.base(NodeSpec.of(baseImage, "image-cache", name)
                    .password(ScramVerifier.randomPassword()).log(log).timeout(timeout).userImage(baseImage, howToChooseAnother)
                    .loopbackOnly(true))) {
                node.withEnv("PGDATA", DATA_DIRECTORY)
                        .withLabels(Map.of(KitLabels.MANAGED, "true", KitLabels.ROLE, "image-cache",
                                KitLabels.OWNER, JvmOwner.current().label()));
                node.start();
                String containerId = node.getContainerId();
                docker.stopContainerCmd(containerId).withTimeout(30).exec();
                docker.commitCmd(containerId)
                        .withRepository(REPOSITORY)
                        .withTag(image.substring(REPOSITORY.length() + 1))
                        .withLabels(KitLabels.forKeptImage(Map.of(LABEL, "true", LABEL + ".base", baseImage)))
                        .exec();
            } catch (RuntimeException e) {
                throw new NotCreated("Could not create the initialised-image cache for '" + baseImage + "': "
                        + e.getMessage() + "\n  Last lines of its log:\n" + log.tail()
                        + "\n  Turn the cache off (initializedImageCache(false)) to start nodes from the image itself.", e);
            }
            LOG.info("Created initialised image {} from {} in {} ms", image, baseImage, Stopwatch.millis(started, System.nanoTime()));
            return image;
        }
    }

    /** The initialised image could not be made; the message says why, with the log's last lines and how to turn the cache off. */
    public static final class NotCreated extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotCreated(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static String tagFor(InspectImageResponse base) {
        return Sha256.ofText(List.of(FORMAT_VERSION, base.getId(), NodeSettings.USERNAME, NodeSettings.DATABASE))
                .substring(0, 16);
    }
}

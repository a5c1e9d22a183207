package io.citustestkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the cluster's image is present before any container is created: it is used when it is
 * present locally, pulled once otherwise, and a pull the registry refuses fails at once (no retry
 * loop), naming the image and how to choose another.
 *
 * <pre>{@code
 * ImagePresence.ensurePresent(CitusImage.resolve(null), Duration.ofMinutes(5));
 * }</pre>
 */
final class ImagePresence {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePresence.class);

    private ImagePresence() {
    }

    /** Whether the image is present in the local Docker engine. */
    static boolean isPresentLocally(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Returns when {@code image} is present locally, pulling it once if needed.
     *
     * @throws ClusterStartException if it is not present and cannot be pulled within {@code pullTimeout}
     */
    static void ensurePresent(CitusImage image, Duration pullTimeout) {
        String dockerName = image.dockerName();
        if (isPresentLocally(dockerName)) {
            return;
        }
        DockerImageName name = DockerImageName.parse(dockerName);
        LOG.info("Pulling Citus image {} (not present locally)", dockerName);
        DockerClient client = DockerClientFactory.instance().client();
        try {
            boolean completed = client.pullImageCmd(name.getUnversionedPart())
                    .withTag(name.getVersionPart())
                    .exec(new PullImageResultCallback())
                    .awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!completed) {
                throw new ClusterStartException(notObtainable(image, "the pull did not finish within "
                        + pullTimeout.toSeconds() + " s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterStartException(notObtainable(image, "interrupted while pulling"), e);
        } catch (RuntimeException e) {
            if (e instanceof ClusterStartException) {
                throw e;
            }
            throw new ClusterStartException(notObtainable(image, e.getMessage()), e);
        }
        if (!isPresentLocally(dockerName)) {
            throw new ClusterStartException(notObtainable(image, "the pull ended but the image is still not present"));
        }
    }

    static String notObtainable(CitusImage image, String why) {
        String substituted = image.dockerName().equals(image.name()) || image.dockerName().equals(image.name() + ":latest")
                ? "" : ", as '" + image.dockerName() + "' after Testcontainers' image name substitution";
        return "Could not obtain the Citus image '" + image.name() + "' (" + image.source() + substituted + "): " + String.valueOf(why).strip() + "\n"
                + "  It is not present locally and could not be pulled. Pull or build it first, or " + CitusImage.howToOverride()
                + " (pinned default: " + CitusImage.DEFAULT_IMAGE + ").";
    }
}

package io.citustestkit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Makes sure the cluster's image is present before any container is created: it is used when it is
 * present locally, pulled once otherwise, and a pull the registry refuses fails at once (no retry
 * loop), naming the image and how to choose another.
 *
 * <pre>{@code
 * ImagePresence.ensurePresent("citusdata/citus:14.1.0", Duration.ofMinutes(5));
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ImagePresence {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePresence.class);

    private ImagePresence() {
    }

    /** Whether the image is present in the local Docker engine. */
    public static boolean isPresentLocally(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Returns when {@code dockerName} is present locally, pulling it once if needed.
     *
     * @throws NotObtainable if it is not present and cannot be pulled within {@code pullTimeout}
     */
    public static void ensurePresent(String dockerName, Duration pullTimeout) {
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
                throw new NotObtainable("the pull did not finish within " + pullTimeout.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotObtainable("interrupted while pulling", e);
        } catch (RuntimeException e) {
            if (e instanceof NotObtainable) {
                throw e;
            }
            throw new NotObtainable(e.getMessage(), e);
        }
        if (!isPresentLocally(dockerName)) {
            throw new NotObtainable("the pull ended but the image is still not present", null);
        }
    }

    /** An image is neither present nor could it be pulled; the message says why (the caller names the image and how to choose another). */
    public static final class NotObtainable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotObtainable(String why, Throwable cause) {
            super(String.valueOf(why).strip(), cause);
        }
    }
}

package io.citustestkit;

import io.citustestkit.docker.ImagePresence;
import io.citustestkit.docker.LeftoverClusters;
import io.citustestkit.node.InitializedImageCache;
import io.citustestkit.node.ScramVerifier;
import io.citustestkit.schema.SchemaSource;

import java.time.Duration;
import java.util.List;

/**
 * What is checked and prepared before a cluster's first container is created: the schema scripts
 * exist, the image is resolved (with Testcontainers' image substitution), Docker and its reaper answer,
 * clusters left behind by killed JVMs are removed, the image is present (pulled once if not), and the
 * password is chosen. A failure here leaves nothing behind, because nothing was created.
 */
final class Preflight {

    private Preflight() {
    }

    static ClusterSettings check(CitusTestCluster.Builder builder) {
        List<SchemaSource> scripts = builder.schema.stream().map(SchemaSource::of).toList();
        CitusImage image = CitusImage.resolve(builder.image);
        prepareDocker(image, builder.pullTimeout);
        String nodeImage = builder.initializedImageCache ? initializedImage(image, builder.startupTimeout) : image.name();
        String password = builder.password != null ? builder.password : ScramVerifier.randomPassword();
        return new ClusterSettings(builder.workers, image, nodeImage, scripts, builder.shardCount, builder.customizers,
                builder.startupTimeout, builder.dataOnTmpfs, builder.poolSize, password, DockerEnvironment.hostIsLoopback(),
                builder.statementRecording, builder.schemaBasedSharding,
                builder.snapshots && builder.customizers.isEmpty() && !builder.dataOnTmpfs);
    }

    /** Docker answers, what killed JVMs left behind is gone, and {@code image} is present (pulled once if not). */
    private static void prepareDocker(CitusImage image, Duration pullTimeout) {
        DockerEnvironment.requireAvailable();
        LeftoverClusters.removeThoseOfEndedJvms();
        try {
            ImagePresence.ensurePresent(image.dockerName(), pullTimeout);
        } catch (ImagePresence.NotObtainable e) {
            throw new ClusterStartException(image.notObtainable(e.getMessage()), e.getCause() != null ? e.getCause() : e);
        }
    }

    /** The initialised-image cache's image for {@code image}, made the first time. */
    private static String initializedImage(CitusImage image, Duration startupTimeout) {
        try {
            return InitializedImageCache.imageFor(image.name(), startupTimeout, CitusImage.howToOverride());
        } catch (InitializedImageCache.NotCreated e) {
            throw new ClusterStartException(e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
    }
}

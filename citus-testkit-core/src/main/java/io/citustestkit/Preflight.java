package io.citustestkit;

import io.citustestkit.schema.SchemaSource;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * What is checked and prepared before a cluster's first container is created: the schema scripts
 * exist, the image is resolved (with Testcontainers' image substitution), Docker and its reaper answer,
 * clusters left behind by killed JVMs are removed, the image is present (pulled once if not), and the
 * password is chosen. A failure here leaves nothing behind, because nothing was created.
 */
final class Preflight {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Preflight() {
    }

    static ClusterSettings check(CitusTestCluster.Builder builder) {
        List<SchemaSource> scripts = builder.schema.stream().map(SchemaSource::of).toList();
        CitusImage image = CitusImage.resolve(builder.image);
        DockerEnvironment.requireAvailable();
        LeftoverClusters.removeThoseOfEndedJvms();
        ImagePresence.ensurePresent(image, builder.pullTimeout);
        String nodeImage = builder.initializedImageCache
                ? InitializedImageCache.imageFor(image.name(), builder.startupTimeout)
                : image.name();
        String password = builder.password != null ? builder.password : randomPassword();
        return new ClusterSettings(builder.workers, image, nodeImage, scripts, builder.shardCount, builder.customizers,
                builder.startupTimeout, builder.dataOnTmpfs, builder.poolSize, password, DockerEnvironment.hostIsLoopback(),
                builder.statementRecording, builder.schemaBasedSharding,
                builder.snapshots && builder.customizers.isEmpty() && !builder.dataOnTmpfs);
    }

    /** 24 URL-safe characters (144 bits) from a secure random source. */
    static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

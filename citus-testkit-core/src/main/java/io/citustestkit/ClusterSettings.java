package io.citustestkit;

import io.citustestkit.node.NodeSettings;
import io.citustestkit.schema.SchemaSource;
import io.citustestkit.snapshot.SnapshotKey;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The checked and resolved configuration of a cluster the kit starts: what {@link Preflight} made of
 * the builder's values and the environment.
 *
 * @param nodeImage the image nodes start from: the Citus image, or its initialised-image cache
 * @param loopbackOnly whether node ports are published on 127.0.0.1 only (the Docker engine is local)
 * @param statementRecording whether the coordinator logs statements so that they can be recorded
 * @param schemaBasedSharding whether {@code citus.enable_schema_based_sharding} is on, on every node
 * @param snapshots whether the cluster starts from (or creates) snapshots
 */
record ClusterSettings(int workers, CitusImage image, String nodeImage, List<SchemaSource> schema, Integer shardCount,
                       List<Consumer<PostgreSQLContainer>> customizers, Duration startupTimeout, boolean dataOnTmpfs,
                       int poolSize, String password, boolean loopbackOnly, boolean statementRecording,
                       boolean schemaBasedSharding, boolean snapshots) {

    ClusterSettings {
        schema = List.copyOf(schema);
        customizers = List.copyOf(customizers);
    }

    /** Whether nodes start from an initialised data directory (the image cache) rather than running initdb. */
    boolean startsInitialized() {
        return !nodeImage.equals(image.name());
    }

    /** The {@code postgres} command line of the coordinator. */
    String[] coordinatorCommand() {
        return command(true);
    }

    /**
     * The {@code postgres} command line of every worker: the workers of a recording cluster log too (what the
     * bodies of delegated calls ran there), and plan each query with its values.
     */
    String[] workerCommand() {
        return command(false);
    }

    private String[] command(boolean coordinator) {
        Map<String, String> logging = statementRecording ? NodeSettings.recordingSettings(coordinator, workers == 0) : Map.of();
        return NodeSettings.command(shardCount, logging, schemaBasedSharding);
    }

    /** {@return the key of this cluster's snapshot set, for the image with Docker id {@code imageId}} */
    SnapshotKey snapshotKey(String imageId) {
        return SnapshotKey.of(imageId, workers, coordinatorCommand(), workerCommand(), schema);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ClusterSettings[workers=" + workers + ", image=" + image + ", nodeImage=" + nodeImage + ", schema=" + schema
                + ", shardCount=" + shardCount + ", startupTimeout=" + startupTimeout + ", dataOnTmpfs=" + dataOnTmpfs
                + ", poolSize=" + poolSize + ", loopbackOnly=" + loopbackOnly + ", statementRecording=" + statementRecording
                + ", schemaBasedSharding=" + schemaBasedSharding + ", snapshots=" + snapshots + "]";
    }
}

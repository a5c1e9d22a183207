package io.citustestkit.node;

import io.citustestkit.recording.StatementRecorder;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The PostgreSQL settings every node runs with: speed over durability (a test cluster is thrown away)
 * and no telemetry ({@code citus.enable_statistics_collection=off}: a test cluster never phones home).
 *
 * <pre>{@code
 * container.withCommand(NodeSettings.command(4)); // postgres -c fsync=off ... -c citus.shard_count=4
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class NodeSettings {

    /** The superuser every node is made with; public as {@code NodeSettings.USERNAME}. */
    public static final String USERNAME = "test";

    /** The database every node is made with; public as {@code NodeSettings.DATABASE}. */
    public static final String DATABASE = "test";

    /** Internal port of every node, as Citus sees it. */
    public static final int POSTGRES_PORT = 5432;

    private NodeSettings() {
    }

    /** The {@code postgres} command line for a node. */
    public static String[] command(Integer shardCount) {
        return command(shardCount, Map.of(), false);
    }

    /**
     * The {@code postgres} command line for a node; every node of a cluster that records statements also
     * logs them, as JSON, with the commands Citus sends to the nodes: the coordinator with
     * {@link StatementRecorder#REQUIRED_SETTINGS}, the workers with {@link StatementRecorder#WORKER_SETTINGS} (their logs
     * show what the bodies of delegated calls ran there).
     *
     * @param logging the recording settings of the node ({@link #recordingSettings}), empty when it does not record
     */
    public static String[] command(Integer shardCount, Map<String, String> logging, boolean schemaBasedSharding) {
        List<String> command = new ArrayList<>(List.of("postgres",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "wal_recycle=off",
                "-c", "wal_level=logical",
                "-c", "max_wal_senders=10",
                "-c", "max_replication_slots=10",
                "-c", "citus.enable_statistics_collection=off",
                "-c", "citus.log_remote_commands=off",
                "-c", "citus.background_task_queue_interval=500ms"));
        logging.forEach((name, value) -> {
            command.add("-c");
            command.add(name + "=" + value);
        });
        if (schemaBasedSharding) {
            command.add("-c");
            command.add("citus.enable_schema_based_sharding=on");
        }
        if (shardCount != null) {
            command.add("-c");
            command.add("citus.shard_count=" + shardCount);
        }
        return command.toArray(String[]::new);
    }

    /**
     * The recording settings of a node: the coordinator's, a worker's, or both for a coordinator that holds
     * shards itself (a cluster without workers), whose local tasks Citus names only when planning them.
     */
    public static Map<String, String> recordingSettings(boolean coordinator, boolean holdsShards) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (coordinator) {
            settings.putAll(StatementRecorder.REQUIRED_SETTINGS);
        }
        if (!coordinator || holdsShards) {
            StatementRecorder.WORKER_SETTINGS.forEach(settings::putIfAbsent);
        }
        return settings;
    }
}

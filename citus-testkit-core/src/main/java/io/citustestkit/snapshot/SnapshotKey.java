package io.citustestkit.snapshot;

import io.citustestkit.commons.Sha256;
import io.citustestkit.node.NodeSettings;
import io.citustestkit.schema.SchemaSource;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What a cluster snapshot is keyed by: everything that decides the nodes' state after start-up (the
 * Citus image's Docker id, not its name; the worker count; every node's {@code postgres} settings; the
 * user and database; the schema sources' fingerprints, in order: their content, and for Flyway and
 * Liquibase the tool's version and every setting of the JVM that changes what it applies, see
 * {@link SchemaSource#fingerprint()}). Anything else (password, pool size, timeouts, published ports)
 * is set at each start and never part of the key. Time is not in the key: a set older than
 * {@link SnapshotSettings#maxAge()} is made again.
 *
 * <pre>{@code
 * SnapshotKey key = SnapshotKey.of(imageId, 2, coordinatorCommand, workerCommand, schema);
 * key.repository(); // localhost/citus-testkit-snapshot/3f2a9c0d81b7e645
 * }</pre>
 *
 * @param value 16 hexadecimal characters of a SHA-256 over the parts
 * @param parts the parts, readable, for logs and labels
 */
@API(status = INTERNAL, since = "0.1")
public record SnapshotKey(String value, List<String> parts) {

    /** Bumped when the way snapshots are made changes, so that old ones are never used. */
    public static final String FORMAT_VERSION = "1";
    /**
     * Local images carry the registry {@code localhost/}: Testcontainers' image name substitution (a
     * registry mirror prefix) leaves names with a registry alone, and these are never pulled.
     */
    public static final String REPOSITORY_PREFIX = "localhost/citus-testkit-snapshot/";

    public SnapshotKey {
        parts = List.copyOf(parts);
    }

    /**
     * The key of a cluster of a coordinator and {@code workers} workers of the image with Docker id
     * {@code imageId}, whose nodes run the given {@code postgres} command lines, with {@code schema} applied.
     */
    public static SnapshotKey of(String imageId, int workers, String[] coordinatorCommand, String[] workerCommand,
                                 List<SchemaSource> schema) {
        List<String> parts = new ArrayList<>();
        parts.add("format " + FORMAT_VERSION);
        parts.add("image " + imageId);
        parts.add("workers " + workers);
        parts.add("user " + NodeSettings.USERNAME + ", database " + NodeSettings.DATABASE);
        parts.add("coordinator " + String.join(" ", coordinatorCommand));
        parts.add("worker " + String.join(" ", workerCommand));
        for (SchemaSource source : schema) {
            parts.add("schema " + source.fingerprint());
        }
        return new SnapshotKey(Sha256.ofText(parts).substring(0, 16), parts);
    }

    /** {@return the local repository of this key's images: {@code localhost/citus-testkit-snapshot/<key>}} */
    public String repository() {
        return REPOSITORY_PREFIX + value;
    }

    /** {@return the image of one node: {@code localhost/citus-testkit-snapshot/<key>:worker-1}} */
    public String imageOf(String nodeName) {
        return repository() + ":" + nodeName;
    }

    @Override
    public String toString() {
        return value;
    }
}

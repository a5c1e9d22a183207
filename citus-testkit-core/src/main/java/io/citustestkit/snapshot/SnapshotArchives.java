package io.citustestkit.snapshot;

import io.citustestkit.node.InitializedImageCache;
import org.apiguardian.api.API;
import io.citustestkit.node.NodeContainer;

import java.nio.file.Path;
import java.util.Map;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Where each node's archive of a snapshot set in the {@link SnapshotDirectory} is: a cluster started from it
 * runs the Citus image itself, with the archive unpacked into {@link #RESTORED_DATA_DIRECTORY} before the
 * entrypoint runs.
 *
 * <pre>{@code
 * if (snapshot.archives() != null) {
 *     snapshot.archives().restoreInto(container, "worker-1");
 * }
 * }</pre>
 *
 * @param image the Citus image, as the user named it
 * @param byNode the archive of each node
 */
@API(status = INTERNAL, since = "0.1")
public record SnapshotArchives(String image, Map<String, Path> byNode) {

    /**
     * The data directory of a node started from its archive: the archive's top directory (the name of
     * {@link InitializedImageCache#DATA_DIRECTORY}, where a snapshot's nodes keep their data) in
     * {@code /var/lib/postgresql}, which every image of the official line has (PostgreSQL's home; the
     * volume of PostgreSQL 18 images). Unpacking into a directory the image has takes one call to the Docker
     * engine instead of two.
     */
    public static final String RESTORED_DATA_DIRECTORY = "/var/lib/postgresql/" + Path.of(InitializedImageCache.DATA_DIRECTORY).getFileName();

    public SnapshotArchives {
        byNode = Map.copyOf(byNode);
    }

    /**
     * Makes {@code container} start with the data of node {@code name}.
     *
     * @throws SnapshotUnusableException when the set holds no archive of that node
     */
    public void restoreInto(NodeContainer container, String name) {
        Path archive = byNode.get(name);
        if (archive == null) {
            throw new SnapshotUnusableException("the snapshot directory holds no archive of node " + name);
        }
        container.withEnv("PGDATA", RESTORED_DATA_DIRECTORY);
        container.restoreBeforeStart(archive, Path.of(RESTORED_DATA_DIRECTORY).getParent().toString());
    }
}

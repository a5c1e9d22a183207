package io.citustestkit.snapshot;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * One set of cluster snapshots: a local image per node ({@code localhost/citus-testkit-snapshot/<key>:coordinator},
 * {@code :worker-1}, ...) committed from a cluster right after its schema was applied, all carrying the
 * same set id and the {@link SnapshotContent} they were made with. A set is used only whole: every
 * node's image present, all from one set.
 *
 * The images themselves are kept by {@link SnapshotImages}.
 *
 * <pre>{@code
 * ClusterSnapshot snapshot = SnapshotImages.find(key, 2, SnapshotSettings.maxAge()).snapshot();
 * if (snapshot != null) { ... start every node from snapshot.imageOf(node) ... }
 * }</pre>
 *
 * @param key what the set is keyed by
 * @param setId the id shared by the set's images
 * @param content what the cluster held when the set was made
 * @param password the password the set was made with, when this machine knows it ({@link SnapshotSecrets}), else {@code null}
 * @param archives where the set's archives are when it comes from a {@link SnapshotDirectory} (no images), else {@code null}
 */
@API(status = INTERNAL, since = "0.1")
public record ClusterSnapshot(SnapshotKey key, String setId, SnapshotContent content, String password,
                              SnapshotArchives archives) {

    /** A set of images. */
    public ClusterSnapshot(SnapshotKey key, String setId, SnapshotContent content, String password) {
        this(key, setId, content, password, null);
    }

    /** {@return the image node {@code nodeName} starts from (the Citus image itself when the set is archives)} */
    public String imageOf(String nodeName) {
        return archives != null ? archives.image() : key.imageOf(nodeName);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ClusterSnapshot[" + key + ", set " + setId + ", " + content.summary() + "]";
    }
}

package io.citustestkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One set of cluster snapshots: a local image per node ({@code localhost/citus-testkit-snapshot/<key>:coordinator},
 * {@code :worker-1}, ...) committed from a cluster right after its schema was applied, all carrying the
 * same set id and the {@link SnapshotContent} they were made with. A set is used only whole: every
 * node's image present, all from one set.
 *
 * <pre>{@code
 * ClusterSnapshot.Lookup lookup = ClusterSnapshot.find(key, 2, SnapshotSettings.maxAge());
 * if (lookup.snapshot() != null) { ... start every node from lookup.snapshot().imageOf(node) ... }
 * }</pre>
 *
 * @param key what the set is keyed by
 * @param setId the id shared by the set's images
 * @param content what the cluster held when the set was made
 * @param password the password the set was made with, when this machine knows it ({@link SnapshotSecrets}), else {@code null}
 * @param archives where the set's archives are when it comes from a {@link SnapshotDirectory} (no images), else {@code null}
 */
record ClusterSnapshot(SnapshotKey key, String setId, SnapshotContent content, String password, SnapshotDirectory.Archives archives) {

    /** A set of images. */
    ClusterSnapshot(SnapshotKey key, String setId, SnapshotContent content, String password) {
        this(key, setId, content, password, null);
    }

    /** Label on every snapshot image; list them with {@code docker image ls --filter label=io.citustestkit.snapshot}. */
    static final String LABEL = "io.citustestkit.snapshot";
    static final String KEY_LABEL = LABEL + ".key";
    static final String SET_LABEL = LABEL + ".set";
    static final String NODE_LABEL = LABEL + ".node";
    static final String CONTENT_LABEL = LABEL + ".content";
    static final String SUMMARY_LABEL = LABEL + ".summary";
    static final String BASE_LABEL = LABEL + ".base";
    static final String CREATED_LABEL = LABEL + ".created";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSnapshot.class);

    /**
     * What {@link #find} found: a usable set, nothing, a set that cannot be used (and why), or a set
     * older than the maximum age (and how old).
     *
     * @param snapshot the usable set, or {@code null}
     * @param broken why the images found do not make a usable set, or {@code null}
     * @param expired how old a whole set older than the maximum age is, or {@code null}
     */
    record Lookup(ClusterSnapshot snapshot, String broken, String expired) {
    }

    /** {@return the image node {@code nodeName} starts from (the Citus image itself when the set is archives)} */
    String imageOf(String nodeName) {
        return archives != null ? archives.image() : key.imageOf(nodeName);
    }

    /**
     * Looks up the set of {@code key} for a coordinator and {@code workers} workers; a set made more
     * than {@code maxAge} ago is reported {@link Lookup#expired()} (a schema that depends on the time,
     * such as partitions around {@code now()}, must not stay frozen in it).
     */
    static Lookup find(SnapshotKey key, int workers, Duration maxAge) {
        List<String> nodes = nodeNames(workers);
        Map<String, Image> byNode = new LinkedHashMap<>();
        for (Image image : images(key.value())) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                for (String node : nodes) {
                    if (tag.equals(key.imageOf(node))) {
                        byNode.put(node, image);
                    }
                }
            }
        }
        if (byNode.isEmpty()) {
            return new Lookup(null, null, null);
        }
        List<String> missing = nodes.stream().filter(node -> !byNode.containsKey(node)).toList();
        if (!missing.isEmpty()) {
            return new Lookup(null, "the images of " + missing + " are missing", null);
        }
        Image coordinator = byNode.get("coordinator");
        String setId = label(coordinator, SET_LABEL);
        for (Map.Entry<String, Image> node : byNode.entrySet()) {
            if (!setId.equals(label(node.getValue(), SET_LABEL))) {
                return new Lookup(null, "the images come from different snapshot runs (" + node.getKey() + " from "
                        + label(node.getValue(), SET_LABEL) + ", coordinator from " + setId + ")", null);
            }
        }
        Instant created = created(coordinator);
        if (created.plus(maxAge).isBefore(Instant.now())) {
            Duration age = Duration.between(created, Instant.now());
            return new Lookup(null, null, "made " + created + ", " + age.toHours() + " h " + age.toMinutesPart()
                    + " min ago, more than the maximum age of " + SnapshotSettings.describe(maxAge));
        }
        SnapshotContent content = new SnapshotContent(label(coordinator, CONTENT_LABEL), label(coordinator, SUMMARY_LABEL));
        return new Lookup(new ClusterSnapshot(key, setId, content, SnapshotSecrets.read(key.value()).orElse(null)), null, null);
    }

    /** When an image's set was made: its {@value #CREATED_LABEL} label, else the image's creation. */
    static Instant created(Image image) {
        try {
            return Instant.parse(label(image, CREATED_LABEL));
        } catch (DateTimeParseException e) {
            return Instant.ofEpochSecond(image.getCreated() == null ? 0 : image.getCreated());
        }
    }

    /**
     * Commits every node of a cluster that just started cold (after a checkpoint on each, so that a
     * start from the snapshot recovers at once). The inter-node password is taken out of every data
     * directory first and put back after the commits: no image keeps it. The containers keep running:
     * Docker pauses each for the moment of its commit.
     */
    static ClusterSnapshot create(StartedCitusCluster cluster, SnapshotKey key) throws SQLException {
        List<CitusNode> nodes = cluster.allNodes();
        SnapshotContent content;
        try (Connection connection = cluster.dataSource().getConnection()) {
            content = SnapshotContent.read(connection);
        }
        for (CitusNode node : nodes) { // no password in a kept data directory; ends with a checkpoint
            ClusterRegistration.forgetInterNodePassword(node.name(), node.jdbcUrl(), cluster.password());
        }
        String setId = UUID.randomUUID().toString();
        Map<String, String> labels = Map.of(LABEL, "true", KEY_LABEL, key.value(), SET_LABEL, setId,
                CONTENT_LABEL, content.digest(), SUMMARY_LABEL, content.summary(), BASE_LABEL, cluster.image(),
                CREATED_LABEL, Instant.now().toString());
        DockerClient docker = DockerClientFactory.instance().client();
        List<CompletableFuture<Void>> commits = new ArrayList<>();
        for (CitusNode node : nodes) {
            Map<String, String> nodeLabels = new LinkedHashMap<>(labels);
            nodeLabels.put(NODE_LABEL, node.name());
            commits.add(CompletableFuture.runAsync(() -> docker.commitCmd(node.container().getContainerId())
                    .withRepository(key.repository())
                    .withTag(node.name())
                    .withPause(true)
                    .withLabels(ContainerLabels.forKeptImage(nodeLabels))
                    .exec()));
        }
        try {
            commits.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            for (CitusNode node : nodes) {
                ClusterRegistration.storeInterNodePassword(node.name(), node.jdbcUrl(), cluster.password());
            }
        }
        return new ClusterSnapshot(key, setId, content, cluster.password());
    }

    /** The names of a cluster's nodes, in start order. */
    static List<String> nodeNames(int workers) {
        List<String> names = new ArrayList<>();
        names.add("coordinator");
        for (int i = 1; i <= workers; i++) {
            names.add("worker-" + i);
        }
        return names;
    }

    /** The images that carry snapshot key {@code key} (tagged or not). */
    static List<Image> images(String key) {
        return DockerClientFactory.instance().client().listImagesCmd().withShowAll(true)
                .withLabelFilter(Map.of(KEY_LABEL, key)).exec();
    }

    /**
     * Removes the images of {@code key}. An image a container still runs from cannot be removed: it
     * loses its tag when a new set is made and goes at a later pruning.
     *
     * @return the images that were removed
     */
    static int remove(String key) {
        SnapshotSecrets.delete(key);
        DockerClient docker = DockerClientFactory.instance().client();
        int removed = 0;
        for (Image image : images(key)) {
            try {
                docker.removeImageCmd(image.getId()).withForce(true).withNoPrune(false).exec();
                removed++;
            } catch (RuntimeException e) {
                LOG.debug("Snapshot image {} of {} stays for now: {}", image.getId(), key, e.getMessage());
            }
        }
        return removed;
    }

    /** Total size of a set's images beyond the image they were made from, in bytes. */
    static long diskCost(SnapshotKey key, String baseImage) {
        DockerClient docker = DockerClientFactory.instance().client();
        Long base = docker.inspectImageCmd(baseImage).exec().getSize();
        long total = 0;
        for (Image image : images(key.value())) {
            Long size = image.getSize();
            if (size != null && base != null) {
                total += Math.max(0, size - base);
            }
        }
        return total;
    }

    static String label(Image image, String name) {
        Map<String, String> labels = image.getLabels();
        String value = labels == null ? null : labels.get(name);
        return value == null ? "" : value;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ClusterSnapshot[" + key + ", set " + setId + ", " + content.summary() + "]";
    }
}

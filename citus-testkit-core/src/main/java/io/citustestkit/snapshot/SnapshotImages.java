package io.citustestkit.snapshot;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import io.citustestkit.commons.Stopwatch;
import io.citustestkit.docker.JvmOwner;
import io.citustestkit.docker.KitLabels;
import io.citustestkit.node.InitializedImageCache;
import io.citustestkit.node.NodeContainer;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
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

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The Docker image store of {@link ClusterSnapshot} sets: finds a set by its key (whole, from one run,
 * not older than the maximum age), commits a started cluster's nodes as a new set, lists, removes and
 * measures the images. Every image carries the labels below; list them with
 * {@code docker image ls --filter label=io.citustestkit.snapshot}.
 *
 * <pre>{@code
 * SnapshotImages.Lookup lookup = SnapshotImages.find(key, 2, SnapshotSettings.maxAge());
 * ClusterSnapshot made = SnapshotImages.create(cluster, key);
 * SnapshotImages.remove(key.value());
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SnapshotImages {

    /** Label on every snapshot image; list them with {@code docker image ls --filter label=io.citustestkit.snapshot}. */
    public static final String LABEL = "io.citustestkit.snapshot";
    public static final String KEY_LABEL = LABEL + ".key";
    public static final String SET_LABEL = LABEL + ".set";
    public static final String NODE_LABEL = LABEL + ".node";
    public static final String CONTENT_LABEL = LABEL + ".content";
    public static final String SUMMARY_LABEL = LABEL + ".summary";
    public static final String BASE_LABEL = LABEL + ".base";
    public static final String CREATED_LABEL = LABEL + ".created";

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotImages.class);

    /**
     * What {@link #find} found: a usable set, nothing, a set that cannot be used (and why), or a set
     * older than the maximum age (and how old).
     *
     * @param snapshot the usable set, or {@code null}
     * @param broken why the images found do not make a usable set, or {@code null}
     * @param expired how old a whole set older than the maximum age is, or {@code null}
     */
    public record Lookup(ClusterSnapshot snapshot, String broken, String expired) {
    }

    private SnapshotImages() {
    }

    /**
     * Looks up the set of {@code key} for a coordinator and {@code workers} workers; a set made more
     * than {@code maxAge} ago is reported {@link Lookup#expired()} (a schema that depends on the time,
     * such as partitions around {@code now()}, must not stay frozen in it).
     */
    public static Lookup find(SnapshotKey key, int workers, Duration maxAge) {
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
    public static Instant created(Image image) {
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
    public static ClusterSnapshot create(SnapshotSource cluster, SnapshotKey key) throws SQLException {
        Map<String, String> nodes = cluster.nodeContainers();
        SnapshotContent content;
        try (Connection connection = cluster.dataSource().getConnection()) {
            content = SnapshotContent.read(connection);
        }
        cluster.forgetInterNodePassword(); // no password in a kept data directory; ends with a checkpoint
        String setId = UUID.randomUUID().toString();
        Map<String, String> labels = Map.of(LABEL, "true", KEY_LABEL, key.value(), SET_LABEL, setId,
                CONTENT_LABEL, content.digest(), SUMMARY_LABEL, content.summary(), BASE_LABEL, cluster.image(),
                CREATED_LABEL, Instant.now().toString());
        DockerClient docker = DockerClientFactory.instance().client();
        List<CompletableFuture<Void>> commits = new ArrayList<>();
        for (Map.Entry<String, String> node : nodes.entrySet()) {
            Map<String, String> nodeLabels = new LinkedHashMap<>(labels);
            nodeLabels.put(NODE_LABEL, node.getKey());
            commits.add(CompletableFuture.runAsync(() -> docker.commitCmd(node.getValue())
                    .withRepository(key.repository())
                    .withTag(node.getKey())
                    .withPause(true)
                    .withLabels(KitLabels.forKeptImage(nodeLabels))
                    .exec()));
        }
        try {
            commits.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            cluster.storeInterNodePassword();
        }
        return new ClusterSnapshot(key, setId, content, cluster.password());
    }

    /**
     * Makes the images of a set that a cluster just started from as archives (no image of it on this engine), so
     * that later starts here start from images: per node, a container created (never started) from the Citus
     * image {@code baseImageId}, its archive unpacked into it, committed with the set's labels (the age counts from
     * {@code made}, when the set was first made). Nothing is made when the engine has images of the key by then.
     * Call under the set's exclusive {@link SnapshotLock}; a failure removes what was made and is thrown.
     */
    public static void createFromArchives(ClusterSnapshot snapshot, String baseImageId, int workers, Instant made, Duration maxAge) {
        SnapshotKey key = snapshot.key();
        Lookup existing = find(key, workers, maxAge);
        if (existing.snapshot() != null || existing.broken() != null || existing.expired() != null) {
            return; // made (or found unusable) by another start in the meantime: its own flow handles it
        }
        long started = System.nanoTime();
        SnapshotArchives archives = snapshot.archives();
        Map<String, String> labels = Map.of(LABEL, "true", KEY_LABEL, key.value(), SET_LABEL, snapshot.setId(),
                CONTENT_LABEL, snapshot.content().digest(), SUMMARY_LABEL, snapshot.content().summary(), BASE_LABEL, archives.image(),
                CREATED_LABEL, made.toString());
        DockerClient docker = DockerClientFactory.instance().client();
        String parent = Path.of(InitializedImageCache.DATA_DIRECTORY).getParent().toString();
        List<CompletableFuture<Void>> commits = new ArrayList<>();
        for (Map.Entry<String, Path> node : archives.byNode().entrySet()) {
            Map<String, String> nodeLabels = new LinkedHashMap<>(labels);
            nodeLabels.put(NODE_LABEL, node.getKey());
            commits.add(CompletableFuture.runAsync(() -> {
                String container = docker.createContainerCmd(baseImageId)
                        .withEnv("PGDATA=" + InitializedImageCache.DATA_DIRECTORY)
                        .withLabels(Map.of(KitLabels.MANAGED, "true", KitLabels.ROLE, "snapshot-restore",
                                KitLabels.OWNER, JvmOwner.current().label()))
                        .exec().getId();
                try {
                    NodeContainer.unpack(docker, container, node.getValue(), parent);
                    docker.commitCmd(container).withRepository(key.repository()).withTag(node.getKey())
                            .withLabels(KitLabels.forKeptImage(nodeLabels)).exec();
                } finally {
                    docker.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec();
                }
            }));
        }
        try {
            commits.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            remove(key.value());
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        LOG.info("Made the images of snapshot set {} from its archives in {} ms: later starts on this Docker engine start from them",
                key, Stopwatch.millis(started, System.nanoTime()));
    }

    /** {@return the id of the image container {@code containerId} runs} */
    public static String imageIdOf(String containerId) {
        return DockerClientFactory.instance().client().inspectContainerCmd(containerId).exec().getImageId();
    }

    /** The names of a cluster's nodes, in start order. */
    public static List<String> nodeNames(int workers) {
        List<String> names = new ArrayList<>();
        names.add("coordinator");
        for (int i = 1; i <= workers; i++) {
            names.add("worker-" + i);
        }
        return names;
    }

    /** The images that carry snapshot key {@code key} (tagged or not). */
    public static List<Image> images(String key) {
        return DockerClientFactory.instance().client().listImagesCmd().withShowAll(true)
                .withLabelFilter(Map.of(KEY_LABEL, key)).exec();
    }

    /**
     * Removes the images of {@code key}. An image a container still runs from cannot be removed: it
     * loses its tag when a new set is made and goes at a later pruning.
     *
     * @return the images that were removed
     */
    public static int remove(String key) {
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
    public static long diskCost(SnapshotKey key, String baseImage) {
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

    public static String label(Image image, String name) {
        Map<String, String> labels = image.getLabels();
        String value = labels == null ? null : labels.get(name);
        return value == null ? "" : value;
    }
}

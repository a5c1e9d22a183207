package io.citustestkit.snapshot;

import com.github.dockerjava.api.model.Image;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Keeps at most N snapshot sets ({@value #DEFAULT_KEEP} unless the system property
 * {@value #KEEP_PROPERTY} or the environment variable {@value #KEEP_VARIABLE} says otherwise),
 * removing the least recently used first, and none older than the maximum age
 * ({@link SnapshotSettings#maxAge()}): a start would make such a set again anyway. A set that a cluster
 * is starting from right now, or whose images a running container uses, is left for a later pruning.
 *
 * <pre>{@code
 * SnapshotPruning.keepAtMost(SnapshotPruning.keep(), SnapshotSettings.maxAge());
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SnapshotPruning {

    /** System property: how many snapshot sets to keep. */
    public static final String KEEP_PROPERTY = "citus.testkit.snapshots.keep";
    /** Environment variable: how many snapshot sets to keep (after the property). */
    public static final String KEEP_VARIABLE = "CITUS_TESTKIT_SNAPSHOTS_KEEP";
    public static final int DEFAULT_KEEP = 8;

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPruning.class);

    private SnapshotPruning() {
    }

    /** The configured number of sets to keep, at least 1. */
    public static int keep() {
        String value = System.getProperty(KEEP_PROPERTY, System.getenv(KEEP_VARIABLE));
        if (value == null || value.isBlank()) {
            return DEFAULT_KEEP;
        }
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            LOG.warn("{} / {} must be a number of snapshot sets, not '{}': keeping {}", KEEP_PROPERTY, KEEP_VARIABLE, value,
                    DEFAULT_KEEP);
            return DEFAULT_KEEP;
        }
    }

    /** Removes the least recently used sets beyond {@code keep}, the sets older than {@code maxAge}, and images of replaced sets. */
    public static void keepAtMost(int keep, Duration maxAge) {
        List<Image> all = DockerClientFactory.instance().client().listImagesCmd().withShowAll(true)
                .withLabelFilter(Map.of(SnapshotImages.LABEL, "true")).exec();
        Map<String, Instant> lastUsedByKey = new HashMap<>();
        Map<String, Instant> createdByKey = new HashMap<>();
        boolean untagged = false;
        for (Image image : all) {
            String key = SnapshotImages.label(image, SnapshotImages.KEY_LABEL);
            createdByKey.merge(key, SnapshotImages.created(image), (a, b) -> a.isAfter(b) ? a : b);
            Instant used = SnapshotLock.lastUsed(key);
            Instant created = Instant.ofEpochSecond(image.getCreated() == null ? 0 : image.getCreated());
            lastUsedByKey.merge(key, used != null && used.isAfter(created) ? used : created,
                    (a, b) -> a.isAfter(b) ? a : b);
            untagged |= image.getRepoTags() == null || image.getRepoTags().length == 0
                    || List.of(image.getRepoTags()).contains("<none>:<none>");
        }
        List<String> byAge = new ArrayList<>(lastUsedByKey.keySet());
        byAge.sort(Comparator.comparing(lastUsedByKey::get).reversed());
        Instant oldest = Instant.now().minus(maxAge);
        for (String key : byAge) {
            boolean beyondKept = byAge.indexOf(key) >= keep;
            boolean expired = createdByKey.get(key).isBefore(oldest);
            if (!beyondKept && !expired) {
                continue;
            }
            try (SnapshotLock lock = SnapshotLock.tryExclusive(key)) {
                if (lock != null) {
                    int removed = SnapshotImages.remove(key);
                    if (beyondKept) {
                        LOG.info("Removed snapshot set {} ({} images), least recently used beyond the {} kept ({} / {})",
                                key, removed, keep, KEEP_PROPERTY, KEEP_VARIABLE);
                    } else {
                        LOG.info("Removed snapshot set {} ({} images), made {}, older than the maximum age of {} ({} / {})",
                                key, removed, createdByKey.get(key), SnapshotSettings.describe(maxAge),
                                SnapshotSettings.MAX_AGE_PROPERTY, SnapshotSettings.MAX_AGE_VARIABLE);
                    }
                }
            }
        }
        if (untagged) {
            removeUntagged(all);
        }
    }

    /** Images that lost their tag to a newer set of the same key: removed once no container uses them. */
    private static void removeUntagged(List<Image> all) {
        for (Image image : all) {
            String[] tags = image.getRepoTags();
            if (tags == null || tags.length == 0 || List.of(tags).contains("<none>:<none>")) {
                try {
                    DockerClientFactory.instance().client().removeImageCmd(image.getId()).exec();
                } catch (RuntimeException e) {
                    LOG.debug("Replaced snapshot image {} is still in use: {}", image.getId(), e.getMessage());
                }
            }
        }
    }
}

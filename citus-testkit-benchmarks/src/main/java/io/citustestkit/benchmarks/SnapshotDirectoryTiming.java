package io.citustestkit.benchmarks;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.snapshot.BackgroundWrites;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The snapshot rows ({@code -Dbench.only=snapshots}), interleaved per round on one image: one plain
 * container; a cold 1+2 cluster with snapshots off; the first start of a configuration making its
 * snapshot images only (directory off), and making them with the directory's archives; a start from
 * the images; and a start from the directory on an engine without the images (they are removed first,
 * as on a fresh CI runner). The schema is the benchmark's with a comment of this run, so its snapshot
 * key is this run's own: the images removed are only the ones this run made.
 */
final class SnapshotDirectoryTiming {

    static final String BASELINE = "baseline: 1 Citus container, SELECT 1 answered";
    static final String COLD = "cold: 1+2, 10 tables, 32 shards, snapshots off";
    static final String MADE_IMAGES = "snapshot: 1st start, makes images only (dir off)";
    static final String MADE_WITH_ARCHIVE = "snapshot: 1st start, makes images + archives";
    static final String ARCHIVES_AFTER = "snapshot: its archives, written in the background after it";
    static final String FROM_IMAGES = "snapshot: from the images (today's path)";
    static final String FROM_DIRECTORY = "snapshot: from a restored directory, no image";
    static final String IMAGES_AFTER = "snapshot: images from its archives, in the background after it";

    private static final String PROPERTY = "citus.testkit.snapshots.dir";

    private SnapshotDirectoryTiming() {
    }

    static Map<String, Timings> run(String image, int rounds) throws Exception {
        Path work = Files.createTempDirectory("citus-testkit-bench-snapshots");
        Path schema = work.resolve("bench-schema-" + UUID.randomUUID() + ".sql");
        try (InputStream script = SnapshotDirectoryTiming.class.getResourceAsStream("/bench-schema.sql")) {
            Files.writeString(schema, "-- " + schema.getFileName() + "\n" + new String(script.readAllBytes()));
        }
        Path directory = work.resolve("snapshots");
        String previous = System.getProperty(PROPERTY);
        Set<String> before = snapshotImageIds();
        Map<String, Timings> rows = new java.util.LinkedHashMap<>();
        for (String row : new String[] {BASELINE, COLD, MADE_IMAGES, MADE_WITH_ARCHIVE, ARCHIVES_AFTER, FROM_IMAGES, FROM_DIRECTORY, IMAGES_AFTER}) {
            rows.put(row, new Timings());
        }
        try {
            startCluster(schema, b -> b.shardCount(4).snapshots(false)); // warm-up: page cache, JIT, image layers
            for (int round = 1; round <= rounds; round++) {
                rows.get(BASELINE).add(SingleContainerTiming.startSingleContainer(image));
                rows.get(COLD).add(startCluster(schema, b -> b.snapshots(false)));

                removeImagesMadeSince(before);
                System.setProperty(PROPERTY, "off");
                rows.get(MADE_IMAGES).add(startCluster(schema, b -> b));

                removeImagesMadeSince(before);
                deleteTree(directory);
                System.setProperty(PROPERTY, directory.toString());
                rows.get(MADE_WITH_ARCHIVE).add(startCluster(schema, b -> b));
                rows.get(ARCHIVES_AFTER).add(awaitBackgroundWrites()); // before the next row: it would share the cores
                rows.get(FROM_IMAGES).add(startCluster(schema, b -> b));

                removeImagesMadeSince(before); // a fresh runner: the directory restored, no snapshot image
                rows.get(FROM_DIRECTORY).add(startCluster(schema, b -> b));
                rows.get(IMAGES_AFTER).add(awaitBackgroundWrites());
                System.err.println("snapshot round " + round + " of " + rounds + " done");
            }
        } finally {
            if (previous == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, previous);
            }
            removeImagesMadeSince(before);
            deleteTree(work);
        }
        return rows;
    }

    /** Waits for what the kit writes of a snapshot set in the background; {@return how long that took, in nanoseconds} */
    private static long awaitBackgroundWrites() {
        long started = System.nanoTime();
        if (!BackgroundWrites.awaitIdle(Duration.ofMinutes(2))) {
            throw new IllegalStateException("the background snapshot writes were not done within 2 minutes");
        }
        return System.nanoTime() - started;
    }

    private static Set<String> snapshotImageIds() {
        Set<String> ids = new HashSet<>();
        for (Image image : snapshotImages()) {
            ids.add(image.getId());
        }
        return ids;
    }

    private static java.util.List<Image> snapshotImages() {
        return DockerClientFactory.instance().client().listImagesCmd().withShowAll(true)
                .withLabelFilter(Map.of("io.citustestkit.snapshot", "true")).exec();
    }

    /** Removes the snapshot images made since {@code before}: this run's, never another run's. */
    private static void removeImagesMadeSince(Set<String> before) {
        DockerClient docker = DockerClientFactory.instance().client();
        for (Image image : snapshotImages()) {
            if (!before.contains(image.getId())) {
                try {
                    docker.removeImageCmd(image.getId()).withForce(true).exec();
                } catch (RuntimeException e) {
                    // already gone
                }
            }
        }
    }

    private static long startCluster(Path schema, UnaryOperator<CitusTestCluster.Builder> lever) throws Exception {
        long started = System.nanoTime();
        try (CitusTestCluster cluster = lever.apply(CitusTestCluster.builder().workers(2).schema(schema.toString())).start();
             Connection connection = cluster.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM t10")) {
            rs.next();
            return System.nanoTime() - started;
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

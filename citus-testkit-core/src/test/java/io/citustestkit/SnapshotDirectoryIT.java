package io.citustestkit;

import com.github.dockerjava.api.model.Image;
import io.citustestkit.snapshot.ClusterSnapshot;
import io.citustestkit.snapshot.SnapshotArchives;
import io.citustestkit.snapshot.SnapshotDirectoryFiles;
import io.citustestkit.snapshot.SnapshotImages;
import io.citustestkit.snapshot.SnapshotKey;
import io.citustestkit.testsupport.ChildJvm;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertMultiShard;
import static io.citustestkit.assertions.CitusAssertions.assertReferenceTable;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.testsupport.Statements.execute;
import static io.citustestkit.testsupport.Statements.queryLong;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot directory against a real Citus image, as a CI runner uses it: a set written when the
 * snapshot is made, saved and restored elsewhere (a copy, as a CI cache does), starts a cluster on an
 * engine without the snapshot images; an archive with a flipped byte is never used and is made again;
 * two JVMs making the same set write it once. Each test uses a schema of its own (a unique comment),
 * so its snapshot key is its own.
 */
@EnabledIfCitusImage
class SnapshotDirectoryIT {

    private static final List<String> KEYS = new ArrayList<>();

    @TempDir
    Path directory;

    private String previousSetting;

    @BeforeEach
    void rememberTheSetting() {
        previousSetting = System.getProperty(SnapshotDirectoryFiles.PROPERTY);
    }

    @AfterEach
    void restoreTheSetting() {
        if (previousSetting == null) {
            System.clearProperty(SnapshotDirectoryFiles.PROPERTY);
        } else {
            System.setProperty(SnapshotDirectoryFiles.PROPERTY, previousSetting);
        }
    }

    @AfterAll
    static void removeTheSnapshotsOfTheseTests() {
        SnapshotDirectoryFiles.awaitWrites(); // images a start from the directory made in the background
        KEYS.forEach(SnapshotImages::remove);
    }

    @Test
    void should_start_from_a_restored_directory_on_an_engine_without_the_snapshot_images() throws Exception {
        Path schema = uniqueSchema();
        Path savedByTheRun = useDirectory(directory.resolve("runner-1-cache"));
        try (CitusTestCluster first = builder(schema).start()) {
            assertThat(snapshotOf(first)).as("the first start is cold").isNull();
        }
        SnapshotDirectoryFiles.awaitWrites(); // the archives are written in the background
        SnapshotKey key = keyOf(schema);
        assertThat(savedByTheRun.resolve(key.value()).resolve(SnapshotDirectoryFiles.MANIFEST)).exists();
        assertThat(Files.readString(savedByTheRun.resolve(SnapshotDirectoryFiles.KEYS_FILE))).contains(key.value());

        Path restoredOnAFreshRunner = useDirectory(directory.resolve("runner-2-cache"));
        copyTree(savedByTheRun, restoredOnAFreshRunner);
        SnapshotImages.remove(key.value()); // a fresh engine: no snapshot image, no password file
        assertThat(SnapshotImages.images(key.value())).as("no snapshot image left").isEmpty();

        try (CitusTestCluster restored = builder(schema).start()) {
            ClusterSnapshot snapshot = snapshotOf(restored);
            assertThat(snapshot).as("started from the directory").isNotNull();
            assertThat(snapshot.archives()).as("from the archives, not from images").isNotNull();
            assertThat(restored.coordinator().container().getDockerImageName()).as("the Citus image itself")
                    .isEqualTo(CitusImage.resolve(null).name());
            assertThat(queryLong(restored.dataSource(), "SELECT count(*) FROM pg_dist_node")).isEqualTo(3);
            assertThat(queryLong(restored.dataSource(), "SELECT count(*) FROM users")).as("the schema's rows").isEqualTo(100);
            assertRoutedToSingleWorker(restored.dataSource(), "SELECT * FROM users WHERE id = 7");
            assertMultiShard(restored.dataSource(), "SELECT count(*) FROM users");
            assertColocated(restored.dataSource(), "users", "\"Events\"");
            assertReferenceTable(restored.dataSource(), "event_types");
            execute(restored.dataSource(), "INSERT INTO users VALUES (1000, 'written-after-restore@example.com')");
            assertThat(queryLong(restored.dataSource(), "SELECT count(*) FROM run_command_on_all_nodes('SHOW data_directory') "
                    + "WHERE result = '" + SnapshotArchives.RESTORED_DATA_DIRECTORY + "'"))
                    .as("every node runs on the data unpacked into " + SnapshotArchives.RESTORED_DATA_DIRECTORY).isEqualTo(3);
            restored.workers().get(0).restart();
            restored.workers().get(1).restart();
            assertThat(queryLong(restored.dataSource(), "SELECT count(*) FROM users")).as("the rows, after both workers restarted")
                    .isEqualTo(101);
        }

        SnapshotDirectoryFiles.awaitWrites(); // the set's images, made from its archives in the background
        String setId = SnapshotDirectoryFiles.setId(restoredOnAFreshRunner.resolve(key.value()));
        assertThat(SnapshotImages.images(key.value())).as("one image per node, of the directory's set").hasSize(3)
                .extracting(image -> SnapshotImages.label(image, SnapshotImages.SET_LABEL)).containsOnly(setId);
        try (CitusTestCluster fromImages = builder(schema).start()) {
            ClusterSnapshot snapshot = snapshotOf(fromImages);
            assertThat(snapshot).as("started from a snapshot").isNotNull();
            assertThat(snapshot.archives()).as("from the images made from the archives").isNull();
            assertThat(queryLong(fromImages.dataSource(), "SELECT count(*) FROM users")).as("the schema's rows, not the restored run's")
                    .isEqualTo(100);
            assertRoutedToSingleWorker(fromImages.dataSource(), "SELECT * FROM users WHERE id = 7");
        }

        // a JVM that ended while making those images leaves some of them: the directory's set is used, and makes them again
        DockerClientFactory.instance().client().removeImageCmd(key.imageOf("worker-2")).withForce(true).exec();
        try (CitusTestCluster afterCutShort = builder(schema).start()) {
            ClusterSnapshot snapshot = snapshotOf(afterCutShort);
            assertThat(snapshot).as("started from a snapshot, not cold").isNotNull();
            assertThat(snapshot.archives()).as("from the directory's archives").isNotNull();
            assertThat(queryLong(afterCutShort.dataSource(), "SELECT count(*) FROM users")).isEqualTo(100);
        }
        SnapshotDirectoryFiles.awaitWrites();
        assertThat(SnapshotImages.images(key.value())).as("the set's images made again").hasSize(3)
                .extracting(image -> SnapshotImages.label(image, SnapshotImages.SET_LABEL)).containsOnly(setId);
    }

    @Test
    void should_remove_an_archive_that_does_not_check_and_make_the_set_again() throws Exception {
        Path schema = uniqueSchema();
        Path cache = useDirectory(directory.resolve("cache"));
        try (CitusTestCluster first = builder(schema).start()) {
            assertThat(snapshotOf(first)).isNull();
        }
        SnapshotDirectoryFiles.awaitWrites();
        SnapshotKey key = keyOf(schema);
        Path set = cache.resolve(key.value());
        String originalSet = SnapshotDirectoryFiles.setId(set);
        SnapshotImages.remove(key.value());
        Path worker = set.resolve("worker-1.tar.gz");
        byte[] bytes = Files.readAllBytes(worker);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) {
            bytes[i] ^= (byte) 0xff;
        }
        Files.write(worker, bytes);

        try (CitusTestCluster second = builder(schema).start()) {
            assertThat(snapshotOf(second)).as("the damaged set is not used: a cold start").isNull();
            assertThat(queryLong(second.dataSource(), "SELECT count(*) FROM users")).isEqualTo(100);
        }
        SnapshotDirectoryFiles.awaitWrites();

        assertThat(SnapshotDirectoryFiles.setId(set)).as("made again").isNotEqualTo(originalSet);
        assertThat(SnapshotDirectoryFiles.mismatches(set)).as("every archive of the set made again checks").isEmpty();
        SnapshotImages.remove(key.value());
        try (CitusTestCluster third = builder(schema).start()) {
            assertThat(snapshotOf(third)).as("the set made again is used").isNotNull();
            assertThat(snapshotOf(third).archives()).isNotNull();
            assertRoutedToSingleWorker(third.dataSource(), "SELECT * FROM users WHERE id = 7");
        }
    }

    @Test
    void should_write_a_set_once_when_two_jvms_make_it_at_once() throws Exception {
        Path schema = directory.resolve("one-worker.sql");
        Files.writeString(schema, "-- " + UUID.randomUUID() + "\nCREATE TABLE items (id bigint PRIMARY KEY);\n"
                + "SELECT create_distributed_table('items', 'id');\n");
        Path cache = directory.resolve("shared-cache");
        CitusTestCluster.Builder builder = CitusTestCluster.builder().workers(1).shardCount(2).schema(schema.toString());
        SnapshotKey key = Preflight.check(builder).snapshotKey(imageId());
        KEYS.add(key.value());
        Map<String, String> environment = Map.of("SNAPSHOT_SCHEMA", schema.toString(), SnapshotDirectoryFiles.VARIABLE, cache.toString());
        ChildJvm one = ChildJvm.start(SnapshotDirectoryChildJvm.class.getName(), environment);
        ChildJvm two = ChildJvm.start(SnapshotDirectoryChildJvm.class.getName(), environment);
        List<String> outcomes;
        try {
            outcomes = List.of(one.awaitLine("STARTED"), two.awaitLine("STARTED"));
        } finally {
            one.process().waitFor(60, TimeUnit.SECONDS);
            two.process().waitFor(60, TimeUnit.SECONDS);
            one.process().destroyForcibly();
            two.process().destroyForcibly();
        }

        assertThat(outcomes.stream().filter(line -> line.contains(" cold ")).count())
                .as("exactly one JVM started cold and made the set: " + outcomes).isEqualTo(1);
        assertThat(outcomes.stream().mapToInt(line -> Integer.parseInt(line.substring(line.indexOf("writes=") + 7))).sum())
                .as("the set was written once: " + outcomes).isEqualTo(1);
        String setId = SnapshotDirectoryFiles.setId(cache.resolve(key.value()));
        List<Image> images = SnapshotImages.images(key.value());
        assertThat(images).extracting(image -> SnapshotImages.label(image, SnapshotImages.SET_LABEL))
                .as("the archives come from the images' snapshot run").containsOnly(setId);
        try (Stream<Path> leftovers = Files.list(cache)) {
            assertThat(leftovers.map(path -> path.getFileName().toString()))
                    .as("no temporary directory left").noneMatch(name -> name.startsWith(".tmp-") || name.startsWith(".trash-"));
        }
    }

    private static Path useDirectory(Path cache) {
        System.setProperty(SnapshotDirectoryFiles.PROPERTY, cache.toString());
        return cache;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private Path uniqueSchema() throws IOException {
        Path schema = directory.resolve("schema-" + UUID.randomUUID() + ".sql");
        String script = new String(SnapshotDirectoryIT.class.getResourceAsStream("/cluster-it-schema.sql").readAllBytes());
        Files.writeString(schema, "-- " + schema.getFileName() + "\n" + script);
        return schema;
    }

    private static CitusTestCluster.Builder builder(Path schema) {
        return CitusTestCluster.builder().workers(2).shardCount(4).schema(schema.toString());
    }

    private static SnapshotKey keyOf(Path schema) {
        SnapshotKey key = Preflight.check(builder(schema)).snapshotKey(imageId());
        KEYS.add(key.value());
        return key;
    }

    private static String imageId() {
        return DockerClientFactory.instance().client().inspectImageCmd(CitusImage.resolve(null).dockerName()).exec().getId();
    }

    private static ClusterSnapshot snapshotOf(CitusTestCluster cluster) {
        return ((StartedCitusCluster) cluster).snapshot();
    }
}

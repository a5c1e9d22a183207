package io.citustestkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import io.citustestkit.docker.JvmOwner;
import io.citustestkit.recording.RecordedStatements;
import io.citustestkit.recording.StatementRecorder;
import io.citustestkit.snapshot.ClusterSnapshot;
import io.citustestkit.snapshot.SnapshotImages;
import io.citustestkit.snapshot.SnapshotKey;
import io.citustestkit.testsupport.ChildJvm;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.RyukFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertMultiShard;
import static io.citustestkit.assertions.CitusAssertions.assertReferenceTable;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.assertions.CitusAssertions.assertThatStatements;
import static io.citustestkit.testsupport.Statements.execute;
import static io.citustestkit.testsupport.Statements.queryLong;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster snapshots against a real Citus image: a second start of a configuration runs from the
 * first one's snapshot and works like a fresh cluster; a changed schema, setting or image never
 * reuses a snapshot; a snapshot that does not check is made again; two JVMs make one snapshot once.
 * Each test uses a schema of its own (a unique comment), so its snapshot key is its own.
 */
@EnabledIfCitusImage
class ClusterSnapshotsIT {

    private static final List<String> KEYS = new ArrayList<>();

    @TempDir
    Path directory;

    /** Removes the sets these tests made: their keys, and any set committed from this JVM's containers (never another run's). */
    @AfterAll
    static void removeTheSnapshotsOfTheseTests() {
        KEYS.forEach(SnapshotImages::remove);
        for (Image image : DockerClientFactory.instance().client().listImagesCmd().withShowAll(true)
                .withLabelFilter(Map.of(SnapshotImages.LABEL, "true", ContainerLabels.OWNER, JvmOwner.current().label())).exec()) {
            SnapshotImages.remove(SnapshotImages.label(image, SnapshotImages.KEY_LABEL));
        }
    }

    @Test
    void should_keep_snapshot_images_out_of_ryuks_reach_while_every_cluster_container_and_network_stays_in_it() throws Exception {
        RyukFilter ryuk = RyukFilter.ofThisSession();
        DockerClient docker = DockerClientFactory.instance().client();
        Path schema = uniqueSchema();
        try (CitusTestCluster first = builder(schema).workers(1).start()) {
            assertThat(snapshotOf(first)).isNull();
            assertThat(containerLabels(first.id())).as("the cold cluster's containers").hasSize(2)
                    .allSatisfy(labels -> assertThat(ryuk.matches(labels)).as("Ryuk removes %s", labels).isTrue());
            assertThat(networkLabels(first.id())).as("the cold cluster's network").hasSize(1)
                    .allSatisfy(labels -> assertThat(ryuk.matches(labels)).as("Ryuk removes %s", labels).isTrue());
        }
        SnapshotKey key = keyOf(schema, 1);
        assertThat(imagesOf(key)).as("the snapshot set").hasSize(2).allSatisfy(image -> {
            Map<String, String> labels = docker.inspectImageCmd(image.getId()).exec().getConfig().getLabels();
            assertThat(ryuk.matches(labels)).as("Ryuk leaves the snapshot image with %s", labels).isFalse();
            assertThat(labels).containsEntry(ContainerLabels.OWNER, JvmOwner.current().label());
        });
        try (CitusTestCluster second = builder(schema).workers(1).start()) {
            assertThat(snapshotOf(second)).as("started from the snapshot").isNotNull();
            assertThat(containerLabels(second.id())).as("the containers started from snapshot images").hasSize(2)
                    .allSatisfy(labels -> assertThat(ryuk.matches(labels)).as("Ryuk removes %s", labels).isTrue());
            assertThat(networkLabels(second.id())).hasSize(1)
                    .allSatisfy(labels -> assertThat(ryuk.matches(labels)).as("Ryuk removes %s", labels).isTrue());
        }
    }

    @Test
    void should_start_from_the_snapshot_the_second_time_with_fresh_credentials_and_server_ids() throws Exception {
        Path schema = uniqueSchema();
        String firstPassword;
        Set<String> firstServerIds;
        try (CitusTestCluster first = builder(schema).start()) {
            assertThat(snapshotOf(first)).as("the first start is cold").isNull();
            firstPassword = first.password();
            firstServerIds = serverIds(first);
            execute(first.dataSource(), "INSERT INTO users VALUES (1000, 'left-behind@example.com')");
        }
        SnapshotKey key = keyOf(schema, 2);
        assertThat(imagesOf(key)).as("one image per node, one set").hasSize(3)
                .extracting(image -> SnapshotImages.label(image, SnapshotImages.SET_LABEL)).containsOnly(
                        SnapshotImages.label(imagesOf(key).get(0), SnapshotImages.SET_LABEL));
        try (CitusTestCluster second = builder(schema).start()) {
            assertThat(snapshotOf(second)).as("the second start uses the snapshot").isNotNull();
            assertThat(second.coordinator().container().getDockerImageName()).isEqualTo(key.imageOf("coordinator"));
            assertThat(second.password()).isNotEqualTo(firstPassword);
            Set<String> serverIds = serverIds(second);
            assertThat(serverIds).as("a server_id per node, none of the first cluster's").hasSize(3).doesNotContainAnyElementsOf(firstServerIds);
            assertThat(queryLong(second.dataSource(), "SELECT count(*) FROM users"))
                    .as("the schema's rows, not what the first cluster's test wrote").isEqualTo(100);
            assertThat(queryLong(second.dataSource(), "SELECT count(*) FROM pg_dist_node")).isEqualTo(3);
            assertRoutedToSingleWorker(second.dataSource(), "SELECT * FROM users WHERE id = 7");
            assertMultiShard(second.dataSource(), "SELECT count(*) FROM users");
            assertColocated(second.dataSource(), "users", "\"Events\"");
            assertReferenceTable(second.dataSource(), "event_types");
        }
    }

    @Test
    void should_use_a_set_until_it_is_older_than_the_maximum_age_and_then_make_it_again() throws Exception {
        Path schema = uniqueSchema();
        try (CitusTestCluster first = builder(schema).workers(1).start()) {
            assertThat(snapshotOf(first)).isNull();
        }
        SnapshotKey key = keyOf(schema, 1);
        String firstSet = SnapshotImages.label(imagesOf(key).get(0), SnapshotImages.SET_LABEL);
        relabelCoordinator(key, SnapshotImages.CREATED_LABEL, Instant.now().minus(Duration.ofHours(23)).toString());
        try (CitusTestCluster young = builder(schema).workers(1).start()) {
            assertThat(snapshotOf(young)).as("a set made 23 hours ago is used (maximum age 24h)").isNotNull()
                    .extracting(ClusterSnapshot::setId).isEqualTo(firstSet);
        }
        relabelCoordinator(key, SnapshotImages.CREATED_LABEL, Instant.now().minus(Duration.ofHours(25)).toString());
        Instant remade = Instant.now();
        try (CitusTestCluster old = builder(schema).workers(1).start()) {
            assertThat(snapshotOf(old)).as("a set made 25 hours ago is not used").isNull();
            assertThat(queryLong(old.dataSource(), "SELECT count(*) FROM users")).isEqualTo(100);
        }
        assertThat(imagesOf(key)).as("made again").hasSize(2).allSatisfy(image -> {
            assertThat(SnapshotImages.label(image, SnapshotImages.SET_LABEL)).isNotEqualTo(firstSet);
            assertThat(SnapshotImages.created(image)).isAfter(remade);
        });
        try (CitusTestCluster again = builder(schema).workers(1).start()) {
            assertThat(snapshotOf(again)).as("the new set is used").isNotNull();
        }
    }

    @Test
    void should_start_cold_without_snapshots_when_the_lock_directory_cannot_be_used(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("citus-testkit-snapshots"), "a file where the lock directory should be");
        Path schema = uniqueSchema();
        SnapshotKey key = keyOf(schema, 1);
        String tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try (CitusTestCluster cluster = builder(schema).workers(1).start()) {
            assertThat(snapshotOf(cluster)).as("started cold").isNull();
            assertThat(queryLong(cluster.dataSource(), "SELECT count(*) FROM users")).isEqualTo(100);
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
        }
        assertThat(imagesOf(key)).as("no set made without a lock").isEmpty();

        try (CitusTestCluster usable = builder(schema).workers(1).start()) {
            assertThat(snapshotOf(usable)).isNull();
        }
        assertThat(imagesOf(key)).as("with a usable lock directory the same start makes its set").hasSize(2);
    }

    @Test
    void should_never_reuse_a_snapshot_after_the_schema_file_or_a_setting_changed() throws Exception {
        Path schema = uniqueSchema();
        try (CitusTestCluster first = builder(schema).start()) {
            assertThat(snapshotOf(first)).isNull();
        }
        Files.writeString(schema, Files.readString(schema) + "\nCREATE TABLE added_later (id bigint PRIMARY KEY);\n"
                + "SELECT create_distributed_table('added_later', 'id');\n");
        try (CitusTestCluster changed = builder(schema).start()) {
            assertThat(snapshotOf(changed)).as("the changed schema starts cold").isNull();
            assertThat(queryLong(changed.dataSource(), "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid = 'added_later'::regclass"))
                    .isEqualTo(1);
        }
        keyOf(schema, 2);
        try (CitusTestCluster otherShardCount = builder(schema).shardCount(2).start()) {
            assertThat(snapshotOf(otherShardCount)).as("another shard count starts cold").isNull();
            assertThat(queryLong(otherShardCount.dataSource(), "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'users'::regclass"))
                    .isEqualTo(2);
        }
        KEYS.add(settings(builder(schema).shardCount(2)).snapshotKey(imageId()).value());
        try (CitusTestCluster reused = builder(schema).start()) {
            assertThat(snapshotOf(reused)).as("the changed schema's own snapshot").isNotNull();
            assertThat(queryLong(reused.dataSource(), "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid = 'added_later'::regclass"))
                    .isEqualTo(1);
        }
    }

    @Test
    void should_never_reuse_a_snapshot_made_from_another_image() throws Exception {
        Path schema = uniqueSchema();
        try (CitusTestCluster first = builder(schema).start()) {
            assertThat(snapshotOf(first)).isNull();
        }
        String base = CitusImage.resolve(null).dockerName();
        String other = new ImageFromDockerfile("citus-testkit-test/other-build:" + UUID.randomUUID().toString().substring(0, 8), true)
                .withDockerfileFromBuilder(dockerfile -> dockerfile.from(base).env("CITUS_TESTKIT_OTHER_BUILD", "1").build())
                .get();
        try (CitusTestCluster rebuilt = builder(schema).image(other).start()) {
            assertThat(snapshotOf(rebuilt)).as("an image with another id starts cold").isNull();
            KEYS.add(settings(builder(schema).image(other)).snapshotKey(DockerClientFactory.instance().client()
                    .inspectImageCmd(other).exec().getId()).value());
        }
    }

    @Test
    void should_make_a_snapshot_again_when_it_does_not_hold_what_it_recorded() throws Exception {
        Path schema = uniqueSchema();
        try (CitusTestCluster first = builder(schema).start()) {
            assertThat(snapshotOf(first)).isNull();
        }
        SnapshotKey key = keyOf(schema, 2);
        String oldSet = SnapshotImages.label(imagesOf(key).get(0), SnapshotImages.SET_LABEL);
        tamperWithTheCoordinatorsRecordedContent(key);
        try (CitusTestCluster rebuilt = builder(schema).start()) {
            assertThat(snapshotOf(rebuilt)).as("a snapshot that does not check is not used").isNull();
            assertThat(queryLong(rebuilt.dataSource(), "SELECT count(*) FROM users")).isEqualTo(100);
        }
        assertThat(imagesOf(key)).hasSize(3).allSatisfy(image ->
                assertThat(SnapshotImages.label(image, SnapshotImages.SET_LABEL)).as("made again").isNotEqualTo(oldSet));
        DockerClient docker = DockerClientFactory.instance().client();
        docker.removeImageCmd(key.imageOf("worker-2")).exec();
        try (CitusTestCluster incomplete = builder(schema).start()) {
            assertThat(snapshotOf(incomplete)).as("a set with a missing node image is not used").isNull();
        }
        try (CitusTestCluster whole = builder(schema).start()) {
            assertThat(snapshotOf(whole)).as("made whole again").isNotNull();
        }
    }

    @Test
    void should_make_one_snapshot_when_two_jvms_start_the_same_configuration_at_once() throws Exception {
        Path schema = directory.resolve("one-worker.sql");
        Files.writeString(schema, "-- " + UUID.randomUUID() + "\nCREATE TABLE items (id bigint PRIMARY KEY);\n"
                + "SELECT create_distributed_table('items', 'id');\n");
        KEYS.add(settings(CitusTestCluster.builder().workers(1).shardCount(2).schema(schema.toString())).snapshotKey(imageId()).value());
        Map<String, String> environment = Map.of("CITUS_TESTKIT_IMAGE", CitusImage.resolve(null).name(), "SNAPSHOT_SCHEMA", schema.toString());
        ChildJvm one = ChildJvm.start(SnapshotChildJvm.class.getName(), environment);
        ChildJvm two = ChildJvm.start(SnapshotChildJvm.class.getName(), environment);
        try {
            List<String> outcomes = List.of(one.awaitLine("STARTED"), two.awaitLine("STARTED"));
            assertThat(outcomes.stream().filter(line -> line.endsWith(" cold")).count())
                    .as("exactly one of the two JVMs started cold and made the snapshot: " + outcomes).isEqualTo(1);
        } finally {
            one.process().waitFor(60, TimeUnit.SECONDS);
            two.process().waitFor(60, TimeUnit.SECONDS);
            one.process().destroyForcibly();
            two.process().destroyForcibly();
        }
        SnapshotKey key = settings(CitusTestCluster.builder().workers(1).shardCount(2).schema(schema.toString())).snapshotKey(imageId());
        List<Image> images = imagesOf(key);
        assertThat(images).hasSize(2);
        assertThat(images.stream().map(image -> SnapshotImages.label(image, SnapshotImages.SET_LABEL)).collect(Collectors.toSet()))
                .as("both images from one snapshot run").hasSize(1);
        try (CitusTestCluster third = CitusTestCluster.builder().workers(1).shardCount(2).schema(schema.toString()).start()) {
            assertThat(snapshotOf(third)).isNotNull();
        }
    }

    @Test
    void should_record_inject_faults_add_workers_and_rebalance_on_a_cluster_started_from_a_snapshot() throws Exception {
        Path schema = uniqueSchema();
        try (CitusTestCluster first = builder(schema).start()) {
            assertThat(snapshotOf(first)).isNull();
        }
        keyOf(schema, 2);
        try (CitusTestCluster cluster = builder(schema).start()) {
            assertThat(snapshotOf(cluster)).isNotNull();
            try (StatementRecorder recorder = cluster.recordStatements()) {
                execute(cluster.dataSource(), "SELECT * FROM users WHERE id = 42");
                RecordedStatements statements = recorder.statements();
                assertThatStatements(statements).allRoutedToSingleWorker();
            }
            CitusNode worker = cluster.workers().get(0);
            worker.stop();
            worker.start();
            assertThat(queryLong(cluster.dataSource(), "SELECT count(*) FROM users")).isEqualTo(100);
            CitusNode added = cluster.addWorker();
            assertThat(added.name()).isEqualTo("worker-3");
            cluster.rebalanceShards();
            assertThat(queryLong(cluster.dataSource(), "SELECT count(DISTINCT nodename) FROM citus_shards WHERE table_name = 'users'::regclass"))
                    .as("shards moved to the added worker too").isEqualTo(3);
            assertThat(queryLong(cluster.dataSource(), "SELECT count(*) FROM users")).isEqualTo(100);
        }
    }

    private static List<Map<String, String>> containerLabels(String clusterId) {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.CLUSTER, clusterId)).exec().stream().map(c -> c.getLabels()).toList();
    }

    private static List<Map<String, String>> networkLabels(String clusterId) {
        return DockerClientFactory.instance().client().listNetworksCmd()
                .withFilter("label", List.of(ContainerLabels.CLUSTER + "=" + clusterId)).exec().stream().map(n -> n.getLabels()).toList();
    }

    private Path uniqueSchema() throws IOException {
        Path schema = directory.resolve("schema-" + UUID.randomUUID() + ".sql");
        String script = new String(ClusterSnapshotsIT.class.getResourceAsStream("/cluster-it-schema.sql").readAllBytes());
        Files.writeString(schema, "-- " + schema.getFileName() + "\n" + script);
        return schema;
    }

    private static CitusTestCluster.Builder builder(Path schema) {
        return CitusTestCluster.builder().workers(2).shardCount(4).schema(schema.toString());
    }

    /** The key of {@code schema} as it is now, remembered for removal after the tests. */
    private static SnapshotKey keyOf(Path schema, int workers) {
        SnapshotKey key = settings(builder(schema).workers(workers)).snapshotKey(imageId());
        KEYS.add(key.value());
        return key;
    }

    private static ClusterSettings settings(CitusTestCluster.Builder builder) {
        return Preflight.check(builder);
    }

    private static String imageId() {
        return DockerClientFactory.instance().client().inspectImageCmd(CitusImage.resolve(null).dockerName()).exec().getId();
    }

    private static List<Image> imagesOf(SnapshotKey key) {
        return SnapshotImages.images(key.value()).stream()
                .filter(image -> image.getRepoTags() != null && image.getRepoTags().length > 0
                        && !List.of(image.getRepoTags()).contains("<none>:<none>"))
                .toList();
    }

    private static ClusterSnapshot snapshotOf(CitusTestCluster cluster) {
        return ((StartedCitusCluster) cluster).snapshot();
    }

    /** Replaces the coordinator's image by one that records other content (as if the metadata had changed). */
    private static void tamperWithTheCoordinatorsRecordedContent(SnapshotKey key) {
        relabelCoordinator(key, SnapshotImages.CONTENT_LABEL, "0".repeat(64));
    }

    /** Replaces the coordinator's image by one with another value of one label. */
    private static void relabelCoordinator(SnapshotKey key, String label, String value) {
        DockerClient docker = DockerClientFactory.instance().client();
        String image = key.imageOf("coordinator");
        Map<String, String> labels = new java.util.HashMap<>(docker.inspectImageCmd(image).exec().getConfig().getLabels());
        labels.put(label, value);
        String container = docker.createContainerCmd(image).exec().getId();
        try {
            docker.commitCmd(container).withRepository(key.repository()).withTag("coordinator").withLabels(labels).exec();
        } finally {
            docker.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec(); // its anonymous volume too
        }
    }

    private static Set<String> serverIds(CitusTestCluster cluster) throws SQLException {
        Set<String> ids = new HashSet<>();
        for (CitusNode node : cluster.allNodes()) {
            try (Connection connection = DriverManager.getConnection(node.jdbcUrl(), cluster.username(), cluster.password());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT metadata->>'server_id' FROM pg_dist_node_metadata")) {
                rs.next();
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}

package io.citustestkit;

import com.github.dockerjava.api.DockerClient;
import io.citustestkit.docker.JvmOwner;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.RyukFilter;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Nodes started from the cached, already-initialised image form a working cluster, each with its own server_id. */
@EnabledIfCitusImage
class InitializedImageCacheIT {

    @Test
    void should_start_a_working_cluster_from_the_initialized_image_with_a_server_id_per_node() throws SQLException {
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(2).shardCount(4).initializedImageCache(true)
                .schema("classpath:cluster-it-schema.sql").start()) {
            assertThat(cluster.coordinator().container().getDockerImageName()).startsWith("localhost/citus-testkit-cache/initialized:");
            Set<String> serverIds = new HashSet<>();
            for (CitusNode node : cluster.allNodes()) {
                try (Connection connection = DriverManager.getConnection(node.jdbcUrl(), cluster.username(), cluster.password());
                     Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT metadata->>'server_id' FROM pg_dist_node_metadata")) {
                    rs.next();
                    serverIds.add(rs.getString(1));
                }
            }
            assertThat(serverIds).as("each clone needs its own Citus server_id").hasSize(3);
            try (Connection connection = cluster.dataSource().getConnection(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(DISTINCT nodename) FROM citus_shards WHERE table_name = 'users'::regclass")) {
                rs.next();
                assertThat(rs.getInt(1)).as("shards on both workers").isEqualTo(2);
            }
        }
    }

    @Test
    void should_keep_the_cached_image_out_of_ryuks_reach_while_the_clusters_containers_stay_in_it() {
        String base = CitusImage.resolve(null).dockerName();
        String ownBase = new ImageFromDockerfile("citus-testkit-test/cache-base:" + UUID.randomUUID().toString().substring(0, 8), true)
                .withDockerfileFromBuilder(dockerfile -> dockerfile.from(base).env("CITUS_TESTKIT_CACHE_TEST", "1").build())
                .get(); // an image id of its own, so this JVM makes its cached image
        RyukFilter ryuk = RyukFilter.ofThisSession();
        DockerClient docker = DockerClientFactory.instance().client();
        String cached = null;
        try (CitusTestCluster cluster = CitusTestCluster.builder().image(ownBase).workers(1).shardCount(2)
                .initializedImageCache(true).snapshots(false).start()) {
            cached = cluster.coordinator().container().getDockerImageName();
            assertThat(cached).startsWith("localhost/citus-testkit-cache/initialized:");
            Map<String, String> imageLabels = docker.inspectImageCmd(cached).exec().getConfig().getLabels();
            assertThat(ryuk.matches(imageLabels)).as("Ryuk leaves the cached image with %s", imageLabels).isFalse();
            assertThat(imageLabels).as("made by this JVM").containsEntry(ContainerLabels.OWNER, JvmOwner.current().label());
            assertThat(docker.listContainersCmd().withLabelFilter(Map.of(ContainerLabels.CLUSTER, cluster.id())).exec())
                    .as("the cluster's containers").hasSize(2)
                    .allSatisfy(container -> assertThat(ryuk.matches(container.getLabels())).as("Ryuk removes %s", container.getLabels())
                            .isTrue());
        } finally {
            if (cached != null) {
                docker.removeImageCmd(cached).exec();
            }
            docker.removeImageCmd(ownBase).exec();
        }
    }
}

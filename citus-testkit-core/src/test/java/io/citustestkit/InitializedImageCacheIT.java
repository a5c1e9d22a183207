package io.citustestkit;

import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

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
}

package io.citustestkit;

import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.Leftovers;
import io.citustestkit.testsupport.Rows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A 2-worker cluster with a schema, checked through its own metadata. */
@EnabledIfCitusImage
class ClusterStartIT {

    private static CitusTestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = CitusTestCluster.builder().workers(2).shardCount(4).schema("classpath:cluster-it-schema.sql").start();
    }

    @AfterAll
    static void closeCluster() {
        if (cluster != null) {
            String id = cluster.id();
            cluster.close();
            assertThat(Leftovers.containers(id)).as("containers of cluster %s after close()", id).isZero();
            assertThat(Leftovers.networks(id)).as("networks of cluster %s after close()", id).isZero();
        }
    }

    @Test
    void should_register_exactly_the_workers_asked_for_under_their_network_aliases() throws SQLException {
        assertThat(cluster.workers()).extracting(CitusNode::name).containsExactly("worker-1", "worker-2");
        assertThat(cluster.coordinator().internalHost()).isEqualTo("coordinator");
        assertThat(rows("SELECT nodename || ':' || nodeport || ' group ' || groupid FROM pg_dist_node ORDER BY groupid"))
                .containsExactly("coordinator:5432 group 0", "worker-1:5432 group 1", "worker-2:5432 group 2");
        assertThat(rows("SELECT node_name FROM citus_get_active_worker_nodes() ORDER BY 1"))
                .containsExactly("worker-1", "worker-2");
    }

    @Test
    void should_place_the_shards_of_distributed_tables_on_both_workers() throws SQLException {
        assertThat(rows("SELECT DISTINCT nodename FROM citus_shards WHERE table_name = '\"Events\"'::regclass ORDER BY 1"))
                .containsExactly("worker-1", "worker-2");
        assertThat(rows("SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'users'::regclass")).containsExactly("4");
        assertThat(rows("SELECT count(DISTINCT colocationid) FROM pg_dist_partition "
                + "WHERE logicalrelid IN ('users'::regclass, '\"Events\"'::regclass)")).containsExactly("1");
    }

    @Test
    void should_replicate_reference_tables_to_every_node() throws SQLException {
        assertThat(rows("SELECT nodename FROM citus_shards WHERE table_name = 'event_types'::regclass ORDER BY 1"))
                .containsExactly("coordinator", "worker-1", "worker-2");
    }

    @Test
    void should_run_queries_that_need_connections_between_nodes_with_password_authentication() throws SQLException {
        cluster.execute("INSERT INTO \"Events\" (owner_id, payload) SELECT id, '{}' FROM users");

        assertThat(rows("SELECT count(*) FROM \"Events\" e JOIN users u ON u.id = e.owner_id")).containsExactly("100");
        assertThat(rows("SELECT tenant_event_count(7)")).containsExactly("1");
        assertThat(rows("SELECT count(*) FROM pg_dist_authinfo WHERE nodeid = 0")).containsExactly("1");
        for (CitusNode node : cluster.allNodes()) {
            assertThat(rowsOn(node, "SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host' AND address = 'all'"))
                    .as("the catch-all host rule of %s: inter-node connections must not rely on trust", node.name())
                    .containsExactly("scram-sha-256");
        }
    }

    @Test
    void should_start_every_node_without_the_images_health_probe() {
        for (CitusNode node : cluster.allNodes()) {
            var config = node.container().getDockerClient().inspectContainerCmd(node.container().getContainerId()).exec().getConfig();
            assertThat(config.getHealthcheck()).as("the health check of %s (the image runs pg_isready every 4 s)", node.name())
                    .isNotNull()
                    .satisfies(healthcheck -> assertThat(healthcheck.getTest()).containsExactly("NONE"));
        }
    }

    @Test
    void should_never_phone_home() throws SQLException {
        for (CitusNode node : cluster.allNodes()) {
            assertThat(rowsOn(node, "SHOW citus.enable_statistics_collection")).as(node.name()).containsExactly("off");
        }
    }

    @Test
    void should_give_every_node_a_jdbc_url_reachable_from_the_test_jvm() throws SQLException {
        for (CitusNode node : cluster.allNodes()) {
            assertThat(rowsOn(node, "SELECT current_database()")).containsExactly(CitusTestCluster.DATABASE);
        }
        assertThat(cluster.jdbcUrl()).isEqualTo(cluster.coordinator().jdbcUrl());
    }

    @Test
    void should_hand_out_a_pooled_data_source_to_the_coordinator() throws SQLException {
        DataSource dataSource = cluster.dataSource();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).contains(":" + cluster.coordinator().container().getMappedPort(5432) + "/");
        }
        assertThat(dataSource).isInstanceOf(com.zaxxer.hikari.HikariDataSource.class);
    }

    @Test
    void should_not_let_a_schema_set_on_a_pooled_connection_leak_into_the_next_use() throws SQLException {
        com.zaxxer.hikari.HikariDataSource pool = (com.zaxxer.hikari.HikariDataSource) cluster.dataSource();
        for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
            try (Connection connection = pool.getConnection()) {
                connection.setSchema("information_schema");
            }
        }
        for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.getSchema()).as("the schema of a connection given back with another").isEqualTo("public");
            }
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        return Rows.of(cluster.dataSource(), sql);
    }

    private static List<String> rowsOn(CitusNode node, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(node.jdbcUrl(), cluster.username(), cluster.password())) {
            return Rows.of(connection, sql);
        }
    }
}

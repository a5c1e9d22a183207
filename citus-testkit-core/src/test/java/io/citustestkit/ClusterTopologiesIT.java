package io.citustestkit;

import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.Rows;
import io.citustestkit.testsupport.Leftovers;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Clusters of 0 and 1 workers: the shards land where the topology says. */
@EnabledIfCitusImage
class ClusterTopologiesIT {

    @Test
    void should_keep_the_shards_on_the_coordinator_in_a_coordinator_only_cluster() throws SQLException {
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(0).shardCount(3).start()) {
            cluster.execute("CREATE TABLE t (id bigint PRIMARY KEY)");
            cluster.execute("SELECT create_distributed_table('t', 'id')");

            assertThat(cluster.workers()).isEmpty();
            assertThat(rows(cluster, "SELECT DISTINCT nodename FROM citus_shards WHERE table_name = 't'::regclass"))
                    .containsExactly("coordinator");
            assertThat(rows(cluster, "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 't'::regclass")).containsExactly("3");
        }
    }

    @Test
    void should_put_every_shard_on_the_only_worker_and_leave_nothing_after_close() throws SQLException {
        CitusTestCluster cluster = CitusTestCluster.builder().workers(1).shardCount(2).start();
        try {
            cluster.applySchema("classpath:cluster-it-schema.sql");

            assertThat(rows(cluster, "SELECT DISTINCT nodename FROM citus_shards WHERE table_name = 'users'::regclass"))
                    .containsExactly("worker-1");
            assertThat(rows(cluster, "SELECT count(*) FROM users")).containsExactly("100");
        } finally {
            cluster.close();
            cluster.close(); // idempotent
        }
        assertThat(Leftovers.containers(cluster.id())).isZero();
        assertThat(Leftovers.networks(cluster.id())).isZero();
        assertThat(cluster.isClosed()).isTrue();
    }

    private static List<String> rows(CitusTestCluster cluster, String sql) throws SQLException {
        return Rows.of(cluster.dataSource(), sql);
    }
}

package io.citustestkit;

import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.Rows;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker added to a running cluster gets its share of the shards after a rebalance, and colocation holds. */
@EnabledIfCitusImage
class GrowClusterIT {

    @Test
    void should_add_a_worker_and_rebalance_shards_onto_it() throws SQLException {
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(2).shardCount(6)
                .schema("classpath:faults-it-schema.sql").start()) {
            CitusNode third = cluster.addWorker();

            assertThat(third.name()).isEqualTo("worker-3");
            assertThat(rows(cluster, "SELECT node_name FROM citus_get_active_worker_nodes() ORDER BY 1"))
                    .containsExactly("worker-1", "worker-2", "worker-3");
            assertThat(rows(cluster, "SELECT DISTINCT nodename FROM citus_shards ORDER BY 1"))
                    .as("before the rebalance").doesNotContain("worker-3");

            cluster.rebalanceShards();

            assertThat(rows(cluster, "SELECT nodename || ' ' || count(*) FROM citus_shards WHERE table_name = 'accounts'::regclass "
                    + "GROUP BY nodename ORDER BY 1")).containsExactly("worker-1 2", "worker-2 2", "worker-3 2");
            assertThat(rows(cluster, "SELECT count(*) FROM (SELECT s1.shardid FROM pg_dist_shard s1 "
                    + "JOIN pg_dist_shard s2 ON s2.logicalrelid = 'ledger'::regclass AND s1.shardminvalue = s2.shardminvalue "
                    + "JOIN pg_dist_placement p1 ON p1.shardid = s1.shardid JOIN pg_dist_placement p2 ON p2.shardid = s2.shardid "
                    + "WHERE s1.logicalrelid = 'accounts'::regclass AND p1.groupid <> p2.groupid) broken"))
                    .as("shard pairs of colocated tables placed on different nodes").containsExactly("0");
            assertThat(rows(cluster, "SELECT count(*) FROM accounts")).containsExactly("200");
        }
    }

    private static List<String> rows(CitusTestCluster cluster, String sql) throws SQLException {
        return Rows.of(cluster.dataSource(), sql);
    }
}

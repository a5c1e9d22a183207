package io.citustestkit;

import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workers that die, hang and come back, and a coordinator that restarts: what queries see, and that the
 * cluster recovers without the test re-registering anything.
 */
@EnabledIfCitusImage
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static CitusTestCluster cluster;
    private static long tenantOnWorker1;
    private static long tenantOnWorker2;

    @BeforeAll
    static void startCluster() throws SQLException {
        cluster = CitusTestCluster.builder().workers(2).shardCount(4).schema("classpath:faults-it-schema.sql").start();
        tenantOnWorker1 = tenantPlacedOn("worker-1");
        tenantOnWorker2 = tenantPlacedOn("worker-2");
    }

    @AfterAll
    static void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void should_fail_queries_on_a_stopped_workers_shards_and_serve_the_others_then_recover() throws SQLException {
        CitusNode worker2 = cluster.workers().get(1);

        worker2.stop();
        try {
            assertThatThrownBy(() -> balanceCount(tenantOnWorker2))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("worker-2");
            assertThat(balanceCount(tenantOnWorker1)).as("tenant on the worker that is still up").isEqualTo(1);
        } finally {
            worker2.start();
        }

        assertThat(balanceCount(tenantOnWorker2)).as("tenant on the restarted worker, nothing re-registered").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM accounts")).isEqualTo(200);
    }

    @Test
    @Order(2)
    void should_time_out_on_a_paused_worker_and_answer_again_after_unpause() throws SQLException {
        CitusNode worker1 = cluster.workers().get(0);

        worker1.pause();
        try {
            assertThatThrownBy(() -> inNewSession("SELECT count(*) FROM accounts WHERE tenant_id = " + tenantOnWorker1))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("could not establish any connections to the node worker-1:5432 after 2000 ms");
            assertThat(balanceCount(tenantOnWorker2)).isEqualTo(1);
        } finally {
            worker1.unpause();
        }

        assertThat(balanceCount(tenantOnWorker1)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void should_keep_the_data_source_working_across_a_coordinator_restart() throws SQLException {
        cluster.execute("INSERT INTO ledger (tenant_id, amount) VALUES (" + tenantOnWorker1 + ", 10)");

        cluster.coordinator().restart();

        assertThat(count("SELECT count(*) FROM ledger WHERE tenant_id = " + tenantOnWorker1)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM accounts")).isEqualTo(200);
    }

    private static long tenantPlacedOn(String worker) throws SQLException {
        return count("SELECT min(a.tenant_id) FROM accounts a JOIN pg_dist_placement p "
                + "ON p.shardid = get_shard_id_for_distribution_column('accounts', a.tenant_id) "
                + "JOIN pg_dist_node n ON n.groupid = p.groupid WHERE n.nodename = '" + worker + "'");
    }

    private static long balanceCount(long tenant) throws SQLException {
        return count("SELECT count(*) FROM accounts WHERE tenant_id = " + tenant);
    }

    /**
     * Runs a query in a new coordinator session, which must open its own connection to the workers: a
     * frozen worker accepts TCP but never answers, so Citus gives up after citus.node_connection_timeout.
     * (A session whose cached worker connection is frozen waits forever, beyond statement_timeout.)
     */
    private static long inNewSession(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl() + "?socketTimeout=60",
                cluster.username(), cluster.password());
             Statement statement = connection.createStatement()) {
            statement.execute("SET citus.node_connection_timeout = 2000");
            try (ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = cluster.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

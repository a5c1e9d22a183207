package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both cleanups empty every table, on the shared test configuration (1 worker, 4 shards): 8
 * distributed and 2 reference tables of 3000 rows; every second round also restarts the sequences.
 * What they cost is measured by the benchmark (citus-testkit-benchmarks), not here: a wall-clock
 * budget inside a test fails by luck.
 */
@EnabledIfCitusImage
@TestCluster
class TableCleanerIT {

    private static final Logger LOG = LoggerFactory.getLogger(TableCleanerIT.class);
    private static final int TABLES = 10;
    private static final int ROWS = 3000;
    private static final int ROUNDS = 7;

    @CitusResource
    DataSource dataSource;

    @CitusResource
    CitusTestCluster cluster;

    @AfterEach
    void dropTables() {
        Sql.execute(dataSource, "DROP SCHEMA IF EXISTS cleaner_bench CASCADE");
    }

    @Test
    void should_empty_ten_tables_of_a_few_thousand_rows_on_every_node_at_once() {
        createTables();
        try (PerNodeCleanup cleanup = new PerNodeCleanup(cluster)) {
            cleanAndCheck("per node", restart -> cleanup.clean(false, restart, "in TableCleanerIT"));
        }
    }

    @Test
    void should_empty_ten_tables_through_the_coordinator_for_clusters_it_did_not_start() {
        createTables();
        cleanAndCheck("through the coordinator", restart -> new CoordinatorTruncate(dataSource).clean(false, restart, "in TableCleanerIT"));
    }

    private void cleanAndCheck(String how, Consumer<Boolean> clean) {
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            fillTables();
            long started = System.nanoTime();
            clean.accept(round % 2 == 1);
            millis.add((System.nanoTime() - started) / 1_000_000);
            for (int i = 1; i <= TABLES; i++) {
                assertThat(Sql.count(dataSource, "cleaner_bench.t" + i)).as("cleaner_bench.t%s after round %s", i, round).isZero();
            }
            if (round % 2 == 1) {
                assertThat(Sql.queryLong(dataSource, "INSERT INTO cleaner_bench.t1 (owner_id) VALUES (1) RETURNING id"))
                        .as("sequence restarted").isEqualTo(1);
                Sql.execute(dataSource, "DELETE FROM cleaner_bench.t1");
            }
        }
        LOG.info("Emptying {} tables of {} rows ({} shards each, {} worker(s)) {}: rounds {} ms", TABLES, ROWS,
                TestCluster.SHARD_COUNT, TestCluster.WORKERS, how, millis);
    }

    private void createTables() {
        Sql.execute(dataSource, "CREATE SCHEMA cleaner_bench");
        for (int i = 1; i <= TABLES; i++) {
            Sql.execute(dataSource, "CREATE TABLE cleaner_bench.t" + i
                    + " (owner_id bigint NOT NULL, id bigserial, payload text, PRIMARY KEY (owner_id, id))");
            String distribute = i <= 8 ? "create_distributed_table('cleaner_bench.t" + i + "', 'owner_id')"
                    : "create_reference_table('cleaner_bench.t" + i + "')";
            Sql.execute(dataSource, "SELECT " + distribute);
        }
    }

    private void fillTables() {
        for (int i = 1; i <= TABLES; i++) {
            Sql.execute(dataSource, "INSERT INTO cleaner_bench.t" + i + " (owner_id, payload) "
                    + "SELECT g % 500, repeat('x', 60) FROM generate_series(1, " + ROWS + ") g");
        }
    }
}

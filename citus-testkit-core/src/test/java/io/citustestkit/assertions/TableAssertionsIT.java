package io.citustestkit.assertions;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.metadata.CitusMetadataReader;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.metadata.TableMetadata;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertDistributedBy;
import static io.citustestkit.assertions.CitusAssertions.assertReferenceTable;
import static io.citustestkit.assertions.CitusAssertions.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table assertions and the metadata reader against a live 2-worker cluster with 4 shards per table. */
@EnabledIfCitusImage
class TableAssertionsIT {

    private static CitusTestCluster cluster;
    private static DataSource dataSource;

    @BeforeAll
    static void startCluster() {
        cluster = CitusTestCluster.builder().workers(2).shardCount(4).schema("classpath:assertions-it-schema.sql")
                .start();
        dataSource = cluster.dataSource();
    }

    @AfterAll
    static void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void should_read_a_distributed_table_with_its_shards_and_placements() {
        // WHEN
        TableMetadata events = CitusMetadataReader.readTable(dataSource, "events");
        // THEN
        assertThat(events.kind()).isEqualTo(TableKind.DISTRIBUTED);
        assertThat(events.distributionColumn()).isEqualTo("owner_id");
        assertThat(events.distributionColumnType()).isEqualTo("bigint");
        assertThat(events.shardCount()).isEqualTo(4);
        assertThat(events.shards()).extracting(s -> s.minValue())
                .containsExactly("-2147483648", "-1073741824", "0", "1073741824");
        assertThat(events.shards()).flatExtracting(s -> s.placements()).extracting(a -> a.host())
                .containsExactlyInAnyOrder("worker-1", "worker-2", "worker-1", "worker-2");
        assertThat(events.describe()).isEqualTo("distributed table events (distribution column owner_id bigint,"
                + " colocation group " + events.colocationId() + ", 4 shards)");
    }

    @Test
    void should_pass_for_the_distribution_column_of_quoted_and_schema_qualified_tables() throws SQLException {
        String schema;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            rows.next();
            schema = rows.getString(1);
        }
        assertDistributedBy(dataSource, "events", "owner_id");
        assertDistributedBy(dataSource, schema + ".events", "OWNER_ID");
        assertDistributedBy(dataSource, "\"events\"", "owner_id");
        assertDistributedBy(dataSource, "billing.\"Invoices\"", "\"TenantId\"");
        assertThatTable(dataSource, "billing.\"Invoices\"").isColocatedWith("users").hasShardCount(4);
    }

    @Test
    void should_fail_when_table_is_distributed_by_another_column() {
        assertThatThrownBy(() -> assertDistributedBy(dataSource, "events", "tenant_id"))
                .hasMessageContaining("to be distributed by column:%n  tenant_id%nbut it is:%n".formatted())
                .hasMessageContaining("distributed table events (distribution column owner_id bigint");
        assertThatThrownBy(() -> assertDistributedBy(dataSource, "app_settings", "key"))
                .hasMessageContaining("plain PostgreSQL table app_settings (not in pg_dist_partition");
        assertThatThrownBy(() -> assertDistributedBy(dataSource, "local_notes", "id"))
                .hasMessageContaining("Citus local table local_notes (1 shard on coordinator:5432)");
    }

    @Test
    void should_name_a_table_that_does_not_exist() {
        assertThatThrownBy(() -> assertDistributedBy(dataSource, "evnts", "owner_id"))
                .hasMessageContaining("Expecting table:%n  evnts%nto exist%n".formatted())
                .hasMessageContaining("to_regclass('evnts') found no relation");
        assertThatThrownBy(() -> assertColocated(dataSource, "users", "evnts"))
                .hasMessageContaining("but table evnts does not exist");
    }

    @Test
    void should_report_a_malformed_table_name_with_the_server_message() {
        assertThatThrownBy(() -> assertReferenceTable(dataSource, "a.b.c.d"))
                .isInstanceOf(CitusTestkitException.class)
                .hasMessageContaining("improper relation name");
    }

    @Test
    void should_check_reference_tables_and_shard_counts() {
        assertReferenceTable(dataSource, "event_types");
        assertThatTable(dataSource, "event_types").hasShardCount(1);
        assertThatThrownBy(() -> assertReferenceTable(dataSource, "events"))
                .hasMessageContaining("to be a reference table (one shard with a copy on every node)");
        assertThatThrownBy(() -> assertThatTable(dataSource, "events").hasShardCount(32))
                .hasMessageContaining("to have 32 shards%nbut it has 4:".formatted());
    }

    @Test
    void should_pass_for_colocated_tables() {
        assertColocated(dataSource, "users", "events", "user_sessions", "orders");
        assertThatTable(dataSource, "events").isDistributedBy("owner_id").isColocatedWith("users", "orders");
    }

    @Test
    void should_fail_for_tables_in_different_colocation_groups() {
        assertThatThrownBy(() -> assertColocated(dataSource, "events", "products"))
                .hasMessageContaining("Expecting tables:%n  events, products%n".formatted())
                .hasMessageMatching("(?s).*but events is in colocation group \\d+, products in colocation group \\d+:.*")
                .hasMessageContaining("distributed table products (distribution column id bigint");
        assertThatThrownBy(() -> assertColocated(dataSource, "events", "event_types"))
                .hasMessageContaining("reference table event_types");
    }

    @Test
    void should_fail_with_the_moved_shard_when_a_placement_differs() throws SQLException {
        // GIVEN two tables with the same shard count in different colocation groups, placed alike
        assertThatThrownBy(() -> assertColocated(dataSource, "ledger_a", "ledger_b"))
                .hasMessageContaining("the shards line up today (same hash ranges on the same nodes), but Citus does not treat tables in different");
        // WHEN the first shard of ledger_b on worker-1 moves to worker-2
        cluster.execute("SELECT citus_move_shard_placement(s.shardid, 'worker-1', 5432, 'worker-2', 5432,"
                + " shard_transfer_mode => 'block_writes')"
                + " FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid) JOIN pg_dist_node n USING (groupid)"
                + " WHERE s.logicalrelid = 'ledger_b'::regclass AND n.nodename = 'worker-1'"
                + " ORDER BY s.shardminvalue::int LIMIT 1");
        // THEN the failure shows the first shard pair that is no longer placed alike
        TableMetadata ledgerA = CitusMetadataReader.readTable(dataSource, "ledger_a");
        TableMetadata ledgerB = CitusMetadataReader.readTable(dataSource, "ledger_b");
        int moved = firstDifferingShard(ledgerA, ledgerB);
        assertThatThrownBy(() -> assertColocated(dataSource, "ledger_a", "ledger_b"))
                .hasMessageContaining("first shard pair that differs (shard " + (moved + 1) + " of 4, ordered by hash"
                        + " range):%n  %s%n  %s".formatted(ledgerA.shards().get(moved), ledgerB.shards().get(moved)))
                .hasMessageContaining("on worker-2:5432");
    }

    @Test
    void should_read_on_a_given_connection_and_leave_it_open() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertColocated(connection, "users", "events");
            assertDistributedBy(connection, "users", "id");
            assertThat(connection.isClosed()).isFalse();
        }
    }

    @Test
    void should_take_a_few_milliseconds_per_colocation_check_on_a_warm_cluster() {
        for (int i = 0; i < 50; i++) {
            assertColocated(dataSource, "users", "events");
        }
        long[] nanos = new long[300];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            assertColocated(dataSource, "users", "events");
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double medianMs = nanos[nanos.length / 2] / 1e6;
        double p99Ms = nanos[(int) (nanos.length * 0.99)] / 1e6;
        System.out.printf("assertColocated: median %.2f ms, p99 %.2f ms over %d calls%n", medianMs, p99Ms, nanos.length);
        assertThat(medianMs).as("median ms of assertColocated (target < 10 ms)").isLessThan(50.0);
    }

    private static int firstDifferingShard(TableMetadata left, TableMetadata right) {
        for (int i = 0; i < left.shardCount(); i++) {
            if (!left.shards().get(i).placements().equals(right.shards().get(i).placements())) {
                return i;
            }
        }
        throw new AssertionError("no shard pair differs between " + left + " and " + right);
    }
}

package io.citustestkit.assertions;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.metadata.CitusMetadataReader;
import io.citustestkit.metadata.SchemaKind;
import io.citustestkit.metadata.SchemaMetadata;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.metadata.TableMetadata;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.Rows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertDistributedSchema;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.assertions.CitusAssertions.assertSingleShardTable;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
import static io.citustestkit.assertions.CitusAssertions.assertThatSchema;
import static io.citustestkit.assertions.CitusAssertions.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema-based sharding against a live 2-worker cluster ({@code schema-based-it-schema.sql}): the
 * metadata reader, the schema and table checks, and the plans of queries inside one tenant's schema
 * and across two, passing and failing with their exact messages. Where a schema is placed and its
 * colocation group are read with plain SQL from the Citus catalogs, not with the reader under test.
 */
@EnabledIfCitusImage
class SchemaAssertionsIT {

    private static CitusTestCluster cluster;
    private static DataSource dataSource;

    @BeforeAll
    static void startCluster() {
        cluster = CitusTestCluster.builder().workers(2).shardCount(4).schema("classpath:schema-based-it-schema.sql")
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
    void should_read_a_distributed_schema_and_its_single_shard_tables() throws SQLException {
        // GIVEN
        int group = colocationGroup("tenant_a");
        String node = nodeOf("tenant_a");
        // WHEN
        SchemaMetadata tenant = CitusMetadataReader.readSchema(dataSource, "tenant_a");
        TableMetadata orders = CitusMetadataReader.readTable(dataSource, "tenant_a.orders");
        // THEN
        assertThat(tenant.kind()).isEqualTo(SchemaKind.DISTRIBUTED);
        assertThat(tenant.colocationId()).isEqualTo(group);
        assertThat(tenant.tables()).extracting(TableMetadata::name).containsExactly("tenant_a.customers", "tenant_a.orders");
        assertThat(tenant.describe()).isEqualTo("distributed schema tenant_a (colocation group " + group + ", 2 tables on "
                + node + ":5432)");
        assertThat(orders.kind()).isEqualTo(TableKind.SINGLE_SHARD);
        assertThat(orders.describe()).isEqualTo("table orders of distributed schema tenant_a (single-shard, colocation group "
                + group + ", on " + node + ":5432)");
        assertThat(CitusMetadataReader.readSchema(dataSource, "billing").kind()).isEqualTo(SchemaKind.REGULAR);
        assertThat(CitusMetadataReader.readSchema(dataSource, "tenant_x").kind()).isEqualTo(SchemaKind.MISSING);
        assertThat(CitusMetadataReader.readTable(dataSource, "audit").describe())
                .startsWith("single-shard distributed table audit (no distribution column, colocation group ");
    }

    @Test
    void should_pass_for_the_schemas_and_tables_of_tenants() throws SQLException {
        assertThatSchema(dataSource, "tenant_a")
                .isDistributedSchema()
                .isPlacedOn(nodeOf("tenant_a"))
                .isPlacedOn(nodeOf("tenant_a") + ":5432")
                .hasTables("orders", "customers")
                .hasOnlyTables("customers", "tenant_a.orders");
        assertDistributedSchema(dataSource, "tenant_c");
        assertThatSchema(dataSource, "\"Tenant\"").isDistributedSchema().hasOnlyTables("\"Orders\"");
        assertThatSchema(dataSource, "tenant_empty").isDistributedSchema();
        assertSingleShardTable(dataSource, "tenant_a.orders");
        assertThatTable(dataSource, "audit").isSingleShardTable().hasShardCount(1);
        assertColocated(dataSource, "tenant_a.orders", "tenant_a.customers");
        try (Connection connection = dataSource.getConnection()) {
            assertThatSchema(connection, "tenant_b").isDistributedSchema().hasTables("orders");
            assertDistributedSchema(connection, "tenant_b");
            assertSingleShardTable(connection, "tenant_b.customers");
            assertThat(connection.isClosed()).isFalse();
        }
    }

    @Test
    void should_fail_for_a_regular_schema() {
        assertThatThrownBy(() -> assertDistributedSchema(dataSource, "billing"))
                .isInstanceOf(AssertionError.class)
                .hasMessage(String.format("%n"
                        + "Expecting schema:%n"
                        + "  billing%n"
                        + "to be a distributed schema (in pg_dist_schema: every table of it a single-shard table of the"
                        + " schema's colocation group, all on one node)%n"
                        + "but it is:%n"
                        + "  regular schema billing (not in pg_dist_schema, 1 table)%n"
                        + "  plain PostgreSQL table billing.invoices (not in pg_dist_partition: Citus does not manage it)%n"
                        + "Distribute it with SELECT citus_schema_distribute('billing'), or create it while"
                        + " citus.enable_schema_based_sharding is on."));
    }

    @Test
    void should_fail_for_a_distributed_schema_with_a_table_that_dynamic_sql_created() throws SQLException {
        // GIVEN tenant_stray.notes, created by EXECUTE in a DO block: Citus left it a plain table
        int group = colocationGroup("tenant_stray");
        String node = nodeOf("tenant_stray");
        String described = String.format(
                "  distributed schema tenant_stray (colocation group %2$d, 1 table on %1$s:5432; not in its shard group:"
                + " notes)%n"
                + "  plain PostgreSQL table tenant_stray.notes (not in pg_dist_partition: Citus does not manage it)%n"
                + "  table orders of distributed schema tenant_stray (single-shard, colocation group %2$d, on %1$s:5432)",
                node, group);
        // WHEN / THEN
        assertThatThrownBy(() -> assertDistributedSchema(dataSource, "tenant_stray"))
                .hasMessage(String.format("%n"
                        + "Expecting schema:%n"
                        + "  tenant_stray%n"
                        + "to be a distributed schema (in pg_dist_schema: every table of it a single-shard table of the"
                        + " schema's colocation group, all on one node)%n"
                        + "but table notes of it is not in its shard group (not single-shard tables of colocation group"
                        + " %d):%n", group) + described + String.format("%n"
                        + "Citus distributes a table that a top-level CREATE TABLE creates in a distributed schema, not"
                        + " one that dynamic SQL creates (EXECUTE in a function or a DO block)."));
        assertThatThrownBy(() -> assertThatSchema(dataSource, "tenant_stray").isPlacedOn(node))
                .hasMessage(String.format("%n"
                        + "Expecting schema:%n"
                        + "  tenant_stray%n"
                        + "to be placed on %s (every shard of its tables on that node)%n"
                        + "but table notes of it is not in its shard group, so not placed with it:%n", node) + described);
        assertThatSchema(dataSource, "tenant_stray").hasOnlyTables("orders", "notes");
    }

    @Test
    void should_fail_for_a_schema_that_does_not_exist() {
        assertThatThrownBy(() -> assertThatSchema(dataSource, "tenant_x").hasTables("orders"))
                .hasMessage(String.format("%n"
                        + "Expecting schema:%n"
                        + "  tenant_x%n"
                        + "to exist%n"
                        + "but to_regnamespace('tenant_x') found no schema of that name."));
    }

    @Test
    void should_fail_with_the_schema_s_node_when_it_is_placed_on_another() throws SQLException {
        // GIVEN
        int group = colocationGroup("tenant_a");
        String node = nodeOf("tenant_a");
        String other = node.equals("worker-1") ? "worker-2" : "worker-1";
        // WHEN / THEN
        assertThatThrownBy(() -> assertThatSchema(dataSource, "tenant_a").isPlacedOn(other))
                .hasMessage(String.format("%n"
                        + "Expecting schema:%n"
                        + "  tenant_a%n"
                        + "to be placed on %2$s (every shard of its tables on that node)%n"
                        + "but it is placed on %1$s:5432:%n"
                        + "  distributed schema tenant_a (colocation group %3$d, 2 tables on %1$s:5432)%n"
                        + "  table customers of distributed schema tenant_a (single-shard, colocation group %3$d, on %1$s:5432)%n"
                        + "  table orders of distributed schema tenant_a (single-shard, colocation group %3$d, on %1$s:5432)%n"
                        + "Citus moves a distributed schema as a whole: SELECT citus_schema_move('tenant_a', '%2$s', 5432).",
                        node, other, group));
    }

    @Test
    void should_fail_for_a_distributed_schema_without_tables_that_citus_has_not_placed() throws SQLException {
        int group = colocationGroup("tenant_empty");
        assertThatThrownBy(() -> assertThatSchema(dataSource, "tenant_empty").isPlacedOn("worker-1"))
                .hasMessage(String.format("%n"
                        + "Expecting schema:%n"
                        + "  tenant_empty%n"
                        + "to be placed on worker-1 (every shard of its tables on that node)%n"
                        + "but it has no table yet, so Citus has not placed it:%n"
                        + "  distributed schema tenant_empty (colocation group %d, no table yet: Citus places its shard"
                        + " group when its first table is created)", group));
    }

    @Test
    void should_find_a_moved_schema_on_its_new_node() throws SQLException {
        // GIVEN tenant_moving, wherever Citus placed it
        String from = nodeOf("tenant_moving");
        String to = from.equals("worker-1") ? "worker-2" : "worker-1";
        assertThatSchema(dataSource, "tenant_moving").isPlacedOn(from);
        // WHEN
        cluster.execute("SELECT citus_schema_move('tenant_moving', '" + to + "', 5432, shard_transfer_mode => 'block_writes')");
        // THEN
        assertThatSchema(dataSource, "tenant_moving").isPlacedOn(to);
        assertThatThrownBy(() -> assertThatSchema(dataSource, "tenant_moving").isPlacedOn(from))
                .hasMessageContaining("but it is placed on " + to + ":5432:");
    }

    @Test
    void should_fail_with_the_tables_a_schema_lacks_and_has() throws SQLException {
        int group = colocationGroup("tenant_a");
        String node = nodeOf("tenant_a");
        String tables = String.format(
                "  distributed schema tenant_a (colocation group %2$d, 2 tables on %1$s:5432)%n"
                + "  table customers of distributed schema tenant_a (single-shard, colocation group %2$d, on %1$s:5432)%n"
                + "  table orders of distributed schema tenant_a (single-shard, colocation group %2$d, on %1$s:5432)",
                node, group);
        assertThatThrownBy(() -> assertThatSchema(dataSource, "tenant_a").hasTables("orders", "invoices"))
                .hasMessage(String.format("%n"
                        + "Expecting schema:%n"
                        + "  tenant_a%n"
                        + "to have tables:%n"
                        + "  orders, invoices%n"
                        + "but it has no table invoices:%n") + tables);
        assertThatThrownBy(() -> assertThatSchema(dataSource, "tenant_a").hasOnlyTables("orders"))
                .hasMessage(String.format("%n"
                        + "Expecting schema:%n"
                        + "  tenant_a%n"
                        + "to have only tables:%n"
                        + "  orders%n"
                        + "but it also has table customers:%n") + tables);
    }

    @Test
    void should_fail_for_a_table_that_is_not_a_single_shard_table() throws SQLException {
        int eventsGroup = Integer.parseInt(Rows.of(dataSource,
                "SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = 'events'::regclass").get(0));
        assertThatThrownBy(() -> assertSingleShardTable(dataSource, "events"))
                .hasMessage(String.format("%n"
                        + "Expecting table:%n"
                        + "  events%n"
                        + "to be a single-shard table (distributed without a distribution column: one shard on one node,"
                        + " in a colocation group; every table of a distributed schema is one)%n"
                        + "but it is:%n"
                        + "  distributed table events (distribution column owner_id bigint, colocation group %d, 4 shards)",
                        eventsGroup));
        assertThatThrownBy(() -> assertSingleShardTable(dataSource, "products"))
                .hasMessageContaining("  reference table products (colocation group ");
    }

    @Test
    void should_fail_with_the_evidence_for_tables_of_two_tenant_schemas() throws SQLException {
        // GIVEN
        int groupA = colocationGroup("tenant_a");
        int groupB = colocationGroup("tenant_b");
        // WHEN / THEN
        assertThatThrownBy(() -> assertColocated(dataSource, "tenant_a.orders", "tenant_b.orders"))
                .hasMessage(String.format("%n"
                        + "Expecting tables:%n"
                        + "  tenant_a.orders, tenant_b.orders%n"
                        + "to be colocated (same colocation group and, shard by shard, the same hash range on the same"
                        + " nodes)%n"
                        + "but tenant_a.orders is in colocation group %1$d, tenant_b.orders in colocation group %2$d:%n"
                        + "  table orders of distributed schema tenant_a (single-shard, colocation group %1$d, on %3$s:5432)%n"
                        + "  table orders of distributed schema tenant_b (single-shard, colocation group %2$d, on %4$s:5432)%n"
                        + "tables of two distributed schemas are never colocated: each distributed schema is a colocation"
                        + " group of its own, placed on one node, which Citus moves as a whole (citus_schema_move). A query"
                        + " joining them is not routed to one node: Citus refuses it or plans it recursively. Keep the"
                        + " tables a query joins in one schema, or make the table every tenant shares a reference table",
                        groupA, groupB, nodeOf("tenant_a"), nodeOf("tenant_b")));
    }

    @Test
    void should_route_every_statement_inside_one_tenant_schema_to_one_worker() {
        assertRoutedToSingleWorker(dataSource, "SELECT id, quantity FROM tenant_a.orders WHERE customer_id = ?", 1L);
        assertRoutedToSingleWorker(dataSource, "SELECT count(*) FROM tenant_a.orders");
        assertRoutedToSingleWorker(dataSource,
                "INSERT INTO tenant_a.orders (id, customer_id, product_id, quantity) VALUES (?, ?, ?, ?)", 1L, 1L, 1L, 3);
        assertRoutedToSingleWorker(dataSource, "UPDATE tenant_a.orders SET quantity = quantity + 1 WHERE customer_id = ?", 1L);
        assertRoutedToSingleWorker(dataSource, "DELETE FROM tenant_a.orders WHERE customer_id = ?", 1L);
        assertRoutedToSingleWorker(dataSource, "SELECT count(*) FROM audit");
        assertThatQuery(dataSource, "SELECT c.name, sum(o.quantity) FROM tenant_a.orders o"
                + " JOIN tenant_a.customers c ON c.id = o.customer_id GROUP BY c.name")
                .isRoutedToSingleWorker()
                .touchesShards(1)
                .touchesWorkers(1)
                .hasNoSubplans()
                .isClassifiedAs(PlanKind.ROUTER);
        assertThatQuery(dataSource, "SELECT c.name, p.name, o.quantity FROM tenant_a.orders o"
                + " JOIN tenant_a.customers c ON c.id = o.customer_id JOIN products p ON p.id = o.product_id")
                .as("the tenant's shard group and the reference table's local copy")
                .isRoutedToSingleWorker()
                .touchesShards(2);
    }

    @Test
    void should_route_a_tenant_s_unqualified_statement_by_the_connection_s_search_path() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO tenant_b, public");
            try {
                assertRoutedToSingleWorker(connection, "SELECT o.id, c.name FROM orders o"
                        + " JOIN customers c ON c.id = o.customer_id WHERE c.id = ?", 7L);
                assertThat(assertThatQuery(connection, "SELECT count(*) FROM orders").plan().distributedSchemas())
                        .containsExactly("tenant_b");
            } finally {
                statement.execute("RESET search_path");
            }
        }
    }

    @Test
    void should_show_citus_refusing_a_join_across_two_tenant_schemas() {
        assertThatThrownBy(() -> assertRoutedToSingleWorker(dataSource,
                "SELECT count(*) FROM tenant_a.orders a JOIN tenant_b.orders b ON b.id = a.id"))
                .hasMessage(String.format("%n"
                        + "Expecting the server to plan query:%n"
                        + "  SELECT count(*) FROM tenant_a.orders a JOIN tenant_b.orders b ON b.id = a.id%n"
                        + "but it rejected it:%n"
                        + "  ERROR: the query contains a join that requires repartitioning (SQLSTATE XX000)%n"
                        + "  HINT: Set citus.enable_repartition_joins to on to enable repartitioning%n"
                        + "With citus-testkit: assertThatQuery(...).withSetting(\"citus.enable_repartition_joins\", \"on\")."));
        assertThatQuery(dataSource, "SELECT count(*) FROM tenant_a.orders a JOIN tenant_b.orders b ON b.id = a.id")
                .withSetting("citus.enable_repartition_joins", "on")
                .isClassifiedAs(PlanKind.REPARTITION);
    }

    @Test
    void should_show_a_query_across_two_tenant_schemas_planned_recursively() throws SQLException {
        // GIVEN
        String nodeA = nodeOf("tenant_a");
        String nodeB = nodeOf("tenant_b");
        String sql = "WITH other AS MATERIALIZED (SELECT id FROM tenant_b.customers)"
                + " SELECT count(*) FROM tenant_a.orders WHERE customer_id IN (SELECT id FROM other)";
        // WHEN / THEN
        assertThatQuery(dataSource, sql).isClassifiedAs(PlanKind.RECURSIVE);
        assertThatThrownBy(() -> assertRoutedToSingleWorker(dataSource, sql))
                .hasMessageStartingWith(String.format("%n"
                        + "Expecting query:%n"
                        + "  %s%n"
                        + "to be routed to a single worker (one task on one node; no subplan, no repartition, not pulled"
                        + " to the coordinator)%n"
                        + "but it runs 1 distributed subplan first: subplan 1 runs as 1 task on %s in distributed schema"
                        + " tenant_b; then the main query runs as 1 task on %s in distributed schema tenant_a; it touches"
                        + " the tables of 2 distributed schemas (tenant_a, tenant_b): each distributed schema is a"
                        + " colocation group of its own, placed on one node, so no single task can join them.%n"
                        + "Classification: RECURSIVE (recursively planned: distributed subplans run first)%n"
                        + "Plan:%n", sql, nodeB, nodeA));
    }

    /** The colocation group of a distributed schema, from pg_dist_schema. */
    private static int colocationGroup(String schema) throws SQLException {
        return Integer.parseInt(Rows.of(dataSource, "SELECT colocationid FROM pg_dist_schema WHERE schemaid = '"
                + schema + "'::regnamespace").get(0));
    }

    /** The node holding a distributed schema's shards, from the placements of its tables. */
    private static String nodeOf(String schema) throws SQLException {
        return Rows.of(dataSource, "SELECT DISTINCT n.nodename FROM pg_dist_schema ds"
                + " JOIN pg_dist_partition p ON p.colocationid = ds.colocationid"
                + " JOIN pg_dist_shard s USING (logicalrelid) JOIN pg_dist_placement pl USING (shardid)"
                + " JOIN pg_dist_node n USING (groupid)"
                + " WHERE ds.schemaid = '" + schema + "'::regnamespace").get(0);
    }
}

package io.citustestkit.assertions;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.Rows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
import static io.citustestkit.assertions.CitusAssertions.assertThatSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A coordinator-only cluster holds every shard itself: a router query on it still counts as routed. */
@EnabledIfCitusImage
class SingleNodeClusterIT {

    private static CitusTestCluster cluster;
    private static DataSource dataSource;

    @BeforeAll
    static void startCluster() {
        cluster = CitusTestCluster.builder().workers(0).shardCount(4).schema("classpath:assertions-it-schema.sql")
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
    void should_count_a_tenant_query_on_the_coordinator_holding_the_shard_as_routed() {
        assertRoutedToSingleWorker(dataSource, "SELECT * FROM events WHERE owner_id = ?", 42L);
        assertThatQuery(dataSource, "SELECT count(*) FROM events").isMultiShard().touchesWorkers(1).touchesShards(4);
        assertColocated(dataSource, "users", "events");
    }

    @Test
    void should_still_not_count_a_reference_table_query_as_routed() {
        assertThatThrownBy(() -> assertRoutedToSingleWorker(dataSource, "SELECT * FROM event_types WHERE id = 1"))
                .hasMessageContaining("Classification: REFERENCE_TABLE");
        assertThatQuery(dataSource, "SELECT * FROM event_types WHERE id = 1").isClassifiedAs(PlanKind.REFERENCE_TABLE);
    }

    @Test
    void should_place_a_distributed_schema_on_the_coordinator_and_list_its_tables_not_their_shards() throws SQLException {
        // GIVEN a distributed schema whose shards the coordinator holds, next to its tables, in the same schema
        cluster.execute("CREATE SCHEMA tenant_a");
        cluster.execute("CREATE TABLE tenant_a.customers (id bigint PRIMARY KEY, name text)");
        cluster.execute("CREATE TABLE tenant_a.orders (id bigint PRIMARY KEY, customer_id bigint, quantity int)");
        cluster.execute("SELECT citus_schema_distribute('tenant_a')");
        assertThat(Rows.of(dataSource, "SELECT count(*) FROM pg_dist_shard s JOIN pg_dist_partition p USING (logicalrelid)"
                + " JOIN pg_dist_schema ds ON ds.colocationid = p.colocationid"
                + " WHERE ds.schemaid = 'tenant_a'::regnamespace")).containsExactly("2");
        // WHEN / THEN
        assertThatSchema(dataSource, "tenant_a")
                .isDistributedSchema()
                .isPlacedOn(cluster.coordinator().name())
                .hasOnlyTables("orders", "customers");
        assertRoutedToSingleWorker(dataSource, "SELECT c.name, o.quantity FROM tenant_a.orders o"
                + " JOIN tenant_a.customers c ON c.id = o.customer_id WHERE c.id = ?", 1L);
    }
}

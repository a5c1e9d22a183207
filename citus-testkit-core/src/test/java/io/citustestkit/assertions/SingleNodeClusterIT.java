package io.citustestkit.assertions;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
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
}

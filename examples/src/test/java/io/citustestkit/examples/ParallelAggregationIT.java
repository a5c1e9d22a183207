package io.citustestkit.examples;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static io.citustestkit.assertions.CitusAssertions.assertMultiShard;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
import static io.citustestkit.examples.TenantData.insertEvents;
import static io.citustestkit.examples.TenantData.insertUser;
import static io.citustestkit.examples.TenantData.queryForLong;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pattern "parallel aggregation": a report over all tenants ({@code count(*)}, {@code GROUP BY
 * event_type}) cannot be routed to one worker, and should not be: it runs as one task per shard, on
 * every worker at once, and the coordinator merges the partial results. The guard is that it stays
 * that way: pushed down to the shards, with no repartition and no subplan that would ship rows around.
 */
@EnabledIfCitusImage
@CitusCluster(workers = 2, shardCount = 4, schema = "classpath:multi-tenant-schema.sql")
class ParallelAggregationIT {

    @Test
    void should_count_the_events_of_all_tenants_on_every_shard_at_once(DataSource dataSource) {
        // tag::parallel-aggregation[]
        assertMultiShard(dataSource, "SELECT count(*) FROM events");

        assertThatQuery(dataSource, "SELECT event_type, count(*) FROM events GROUP BY event_type")
                .isMultiShard()
                .touchesShards(4)
                .touchesWorkers(2)
                .hasNoRepartition()
                .hasNoSubplans();
        // end::parallel-aggregation[]
    }

    @Test
    void should_merge_the_partial_counts_of_every_shard(DataSource dataSource) throws SQLException {
        // GIVEN events of ten tenants, spread over the 4 shards
        for (long tenant = 1; tenant <= 10; tenant++) {
            insertUser(dataSource, tenant);
            insertEvents(dataSource, tenant, "login", "purchase");
        }

        // WHEN / THEN
        assertThat(queryForLong(dataSource, "SELECT count(*) FROM events")).isEqualTo(20);
        assertThat(queryForLong(dataSource, "SELECT count(*) FROM events WHERE event_type = ?", "purchase")).isEqualTo(10);
    }
}

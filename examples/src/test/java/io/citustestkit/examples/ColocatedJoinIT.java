package io.citustestkit.examples;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
import static io.citustestkit.assertions.CitusAssertions.assertThatTable;
import static io.citustestkit.examples.TenantData.insertEvents;
import static io.citustestkit.examples.TenantData.insertUser;
import static io.citustestkit.examples.TenantData.queryForLong;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pattern "colocated join": {@code users} and {@code events} are distributed by the tenant key and
 * colocated, so a join on that key finds both sides of every row pair on the same worker. Filtered by
 * one tenant, the join runs as one task on one worker; over all tenants, as one task per shard group,
 * with no row moving between workers.
 *
 * <p>Two guards: the tables are colocated (the schema's promise), and the join is routed (the query's).
 */
@EnabledIfCitusImage
@CitusCluster(workers = 2, shardCount = 4, schema = "classpath:multi-tenant-schema.sql")
class ColocatedJoinIT {

    @Test
    void should_keep_users_events_and_sessions_colocated(DataSource dataSource) {
        // tag::colocated-tables[]
        assertColocated(dataSource, "users", "events", "user_sessions");

        assertThatTable(dataSource, "events")
                .isDistributedBy("owner_id")
                .hasShardCount(4)
                .isColocatedWith("users");
        // end::colocated-tables[]
    }

    @Test
    void should_run_a_join_on_the_tenant_key_filtered_by_tenant_on_one_worker(DataSource dataSource) {
        // tag::colocated-join[]
        assertThatQuery(dataSource, "SELECT u.email, count(e.id) FROM users u JOIN events e ON e.owner_id = u.id"
                + " WHERE u.id = ? GROUP BY u.email", 42L)
                .isRoutedToSingleWorker()
                .touchesShards(1)
                .hasNoRepartition();
        // end::colocated-join[]
    }

    @Test
    void should_push_the_same_join_over_all_tenants_down_to_every_shard_without_moving_rows(DataSource dataSource) {
        assertThatQuery(dataSource, "SELECT u.email, count(e.id) FROM users u JOIN events e ON e.owner_id = u.id"
                + " GROUP BY u.email")
                .as("the join is colocated: each task joins the users and events shards of one hash range")
                .isMultiShard()
                .touchesShards(4)
                .hasNoRepartition()
                .hasNoSubplans();
    }

    @Test
    void should_return_only_the_tenant_s_rows(DataSource dataSource) throws SQLException {
        // GIVEN two tenants
        insertUser(dataSource, 1L);
        insertUser(dataSource, 2L);
        insertEvents(dataSource, 1L, "login", "purchase", "logout");
        insertEvents(dataSource, 2L, "login");

        // WHEN / THEN
        assertThat(queryForLong(dataSource, "SELECT count(e.id) FROM users u JOIN events e ON e.owner_id = u.id"
                + " WHERE u.id = ?", 1L))
                .isEqualTo(3);
    }
}

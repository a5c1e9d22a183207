package io.citustestkit.examples;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static io.citustestkit.assertions.CitusAssertions.assertReferenceTable;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
import static io.citustestkit.examples.TenantData.insertEvents;
import static io.citustestkit.examples.TenantData.insertUser;
import static io.citustestkit.examples.TenantData.queryForString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pattern "reference join": {@code event_types} is a reference table, a full copy on every node, so a
 * join of {@code events} with it runs next to each shard of {@code events}, against the local copy,
 * whatever the join column. No rows are repartitioned, with or without a tenant filter.
 */
@EnabledIfCitusImage
@CitusCluster(workers = 2, shardCount = 4, schema = "classpath:multi-tenant-schema.sql")
class ReferenceJoinIT {

    @Test
    void should_join_events_with_the_local_copy_of_event_types_on_every_shard(DataSource dataSource) {
        // tag::reference-join[]
        assertReferenceTable(dataSource, "event_types");

        assertThatQuery(dataSource, "SELECT t.description, count(*) FROM events e"
                + " JOIN event_types t ON t.name = e.event_type GROUP BY t.description")
                .hasNoRepartition()
                .isMultiShard()
                .isClassifiedAs(PlanKind.MULTI_SHARD_WITH_REFERENCE_JOIN);
        // end::reference-join[]
    }

    @Test
    void should_run_the_join_filtered_by_tenant_on_one_worker(DataSource dataSource) {
        assertThatQuery(dataSource, "SELECT t.description, count(*) FROM events e"
                + " JOIN event_types t ON t.name = e.event_type WHERE e.owner_id = ? GROUP BY t.description", 42L)
                .isRoutedToSingleWorker()
                .as("the tenant's shard of events and the worker's copy of event_types")
                .touchesShards(2);
    }

    @Test
    void should_not_call_a_query_of_the_reference_table_alone_routed_to_a_worker(DataSource dataSource) {
        // a reference table has no distribution column: its single task runs on any copy (the coordinator's here)
        assertThatQuery(dataSource, "SELECT description FROM event_types WHERE name = ?", "login")
                .isClassifiedAs(PlanKind.REFERENCE_TABLE);
        assertThatThrownBy(() -> assertThatQuery(dataSource, "SELECT description FROM event_types WHERE name = ?", "login")
                .isRoutedToSingleWorker())
                .hasMessageContaining("isClassifiedAs(PlanKind.REFERENCE_TABLE)");
    }

    @Test
    void should_describe_each_event_with_its_type(DataSource dataSource) throws SQLException {
        // GIVEN
        insertUser(dataSource, 7L);
        insertEvents(dataSource, 7L, "purchase", "purchase");

        // WHEN / THEN
        assertThat(queryForString(dataSource, "SELECT string_agg(t.description, ', ') FROM events e"
                + " JOIN event_types t ON t.name = e.event_type WHERE e.owner_id = ?", 7L))
                .isEqualTo("A purchase event, A purchase event");
    }
}

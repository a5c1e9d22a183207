package io.citustestkit.examples;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
import static io.citustestkit.examples.TenantData.insertEvents;
import static io.citustestkit.examples.TenantData.insertUser;
import static io.citustestkit.examples.TenantData.queryForLong;
import static io.citustestkit.examples.TenantData.queryForString;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pattern "single worker": a statement filtered by the tenant key ({@code WHERE owner_id = ?}) runs as
 * one task on the one worker that holds the tenant's shard. This is what keeps a multi-tenant
 * application fast as it grows, and the first thing to guard: reads and writes alike.
 *
 * <p>The {@code ?} placeholders are bound through JDBC, as the application binds them. The assertions
 * only plan the statements ({@code EXPLAIN}, in a transaction that is rolled back): an
 * {@code INSERT}, {@code UPDATE} or {@code DELETE} under test is never executed.
 */
@EnabledIfCitusImage
@CitusCluster(workers = 2, shardCount = 4, schema = "classpath:multi-tenant-schema.sql")
class SingleWorkerQueriesIT {

    private static final long TENANT = 42L;

    @Test
    void should_route_a_tenant_s_select_to_one_worker(DataSource dataSource) {
        // tag::single-worker[]
        assertRoutedToSingleWorker(dataSource, "SELECT * FROM events WHERE owner_id = ?", TENANT);

        assertThatQuery(dataSource, "SELECT event_type, count(*) FROM events WHERE owner_id = ? GROUP BY event_type", TENANT)
                .isRoutedToSingleWorker()
                .touchesShards(1)
                .touchesWorkers(1)
                .isClassifiedAs(PlanKind.ROUTER);
        // end::single-worker[]
    }

    @Test
    void should_route_a_tenant_s_insert_update_and_delete_to_one_worker(DataSource dataSource) {
        // tag::single-worker-writes[]
        assertRoutedToSingleWorker(dataSource,
                "INSERT INTO events (owner_id, event_type, payload) VALUES (?, ?, ?::jsonb)", TENANT, "login", "{}");
        assertRoutedToSingleWorker(dataSource,
                "UPDATE events SET payload = payload || ?::jsonb WHERE owner_id = ? AND event_type = ?",
                "{\"seen\": true}", TENANT, "login");
        assertRoutedToSingleWorker(dataSource,
                "DELETE FROM user_sessions WHERE owner_id = ? AND expires_at < now()", TENANT);
        // end::single-worker-writes[]
    }

    @Test
    void should_plan_the_writes_it_checks_without_executing_them(DataSource dataSource) throws SQLException {
        // GIVEN a tenant with two events
        insertUser(dataSource, TENANT);
        insertEvents(dataSource, TENANT, "login", "purchase");

        // WHEN
        // tag::writes-not-executed[]
        assertRoutedToSingleWorker(dataSource, "INSERT INTO events (owner_id, event_type) VALUES (?, ?)", TENANT, "logout");
        assertRoutedToSingleWorker(dataSource, "UPDATE events SET payload = ?::jsonb WHERE owner_id = ?", "{\"x\": 1}", TENANT);
        assertRoutedToSingleWorker(dataSource, "DELETE FROM events WHERE owner_id = ?", TENANT);
        // end::writes-not-executed[]

        // THEN the tenant's rows are as they were
        assertThat(queryForLong(dataSource, "SELECT count(*) FROM events WHERE owner_id = ?", TENANT))
                .as("events of tenant %d after the INSERT and DELETE were checked", TENANT)
                .isEqualTo(2);
        assertThat(queryForString(dataSource, "SELECT string_agg(DISTINCT payload::text, ',') FROM events WHERE owner_id = ?",
                TENANT))
                .as("payloads after the UPDATE was checked")
                .isEqualTo("{}");
    }
}

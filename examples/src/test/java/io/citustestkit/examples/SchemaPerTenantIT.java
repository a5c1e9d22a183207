package io.citustestkit.examples;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertDistributedSchema;
import static io.citustestkit.assertions.CitusAssertions.assertReferenceTable;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.assertions.CitusAssertions.assertSingleShardTable;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
import static io.citustestkit.assertions.CitusAssertions.assertThatSchema;
import static io.citustestkit.examples.TenantData.queryForLong;
import static io.citustestkit.examples.TenantSchemaData.insertEvents;
import static io.citustestkit.examples.TenantSchemaData.insertUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The multi-tenant guide with a schema per tenant (schema-based sharding): {@code tenant_acme} and
 * {@code tenant_globex} are distributed schemas, each a colocation group of its own placed on one node,
 * and {@code event_types} is the reference table they share. The guards a team writes: a tenant's
 * tables live together, the tenants are where they are expected, every statement of a tenant runs on
 * one node (without any tenant filter), and a statement that reaches into another tenant's schema is
 * shown for what it is.
 */
@EnabledIfCitusImage
@CitusCluster(workers = 2, schema = "classpath:schema-per-tenant-schema.sql")
class SchemaPerTenantIT {

    @Test
    void should_keep_all_of_a_tenant_s_tables_together(DataSource dataSource) {
        // tag::schema-per-tenant-colocation[]
        assertThatSchema(dataSource, "tenant_acme")
                .isDistributedSchema()
                .hasOnlyTables("users", "user_sessions", "events");

        assertColocated(dataSource, "tenant_acme.users", "tenant_acme.user_sessions", "tenant_acme.events");
        assertSingleShardTable(dataSource, "tenant_acme.events");
        assertReferenceTable(dataSource, "event_types");
        // end::schema-per-tenant-colocation[]
        assertDistributedSchema(dataSource, "tenant_globex");
    }

    @Test
    void should_place_each_tenant_on_the_node_expected(DataSource dataSource) {
        // tag::schema-per-tenant-placement[]
        // Citus places the tenants' schemas on the workers in turn, by colocation group; citus_schema_move moves one
        assertThatSchema(dataSource, "tenant_acme").isPlacedOn("worker-1");
        assertThatSchema(dataSource, "tenant_globex").isPlacedOn("worker-2");
        // end::schema-per-tenant-placement[]
    }

    @Test
    void should_route_every_statement_of_a_tenant_to_one_worker_without_a_tenant_filter(DataSource dataSource) {
        // tag::schema-per-tenant-single-worker[]
        assertRoutedToSingleWorker(dataSource, "SELECT * FROM tenant_acme.events WHERE user_id = ?", 42L);
        assertRoutedToSingleWorker(dataSource,
                "INSERT INTO tenant_acme.events (user_id, event_type) VALUES (?, ?)", 42L, "login");

        // no WHERE at all: the whole schema lives on one node
        assertThatQuery(dataSource, "SELECT event_type, count(*) FROM tenant_acme.events GROUP BY event_type")
                .isRoutedToSingleWorker()
                .touchesShards(1)
                .touchesWorkers(1)
                .isClassifiedAs(PlanKind.ROUTER);
        // end::schema-per-tenant-single-worker[]
    }

    @Test
    void should_join_a_tenant_s_tables_and_the_reference_table_on_one_worker(DataSource dataSource) {
        // tag::schema-per-tenant-joins[]
        assertThatQuery(dataSource, "SELECT u.email, t.description, count(*) FROM tenant_acme.events e"
                + " JOIN tenant_acme.users u ON u.id = e.user_id"
                + " JOIN event_types t ON t.name = e.event_type GROUP BY u.email, t.description")
                .isRoutedToSingleWorker()
                .touchesShards(2) // the tenant's shard group, and the local copy of event_types
                .hasNoRepartition()
                .hasNoSubplans();
        // end::schema-per-tenant-joins[]
    }

    @Test
    void should_route_the_unqualified_statements_of_a_connection_set_to_a_tenant(DataSource dataSource)
            throws SQLException {
        // tag::schema-per-tenant-search-path[]
        try (Connection connection = dataSource.getConnection()) {
            // what the application does per tenant and transaction, so a pooled connection keeps no tenant
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL search_path TO tenant_globex, public");
            }

            assertRoutedToSingleWorker(connection, "SELECT u.email, count(*) FROM events e"
                    + " JOIN users u ON u.id = e.user_id WHERE u.id = ? GROUP BY u.email", 7L);
            assertThat(assertThatQuery(connection, "SELECT count(*) FROM user_sessions").plan().distributedSchemas())
                    .containsExactly("tenant_globex");
            connection.rollback();
        }
        // end::schema-per-tenant-search-path[]
    }

    @Test
    void should_show_statements_that_reach_into_another_tenant_s_schema(DataSource dataSource) {
        // tag::schema-per-tenant-cross-tenant[]
        // a join across two tenants: Citus refuses it
        assertThatThrownBy(() -> assertRoutedToSingleWorker(dataSource,
                "SELECT count(*) FROM tenant_acme.users a JOIN tenant_globex.users g ON g.email = a.email"))
                .hasMessageContaining("the query contains a join that requires repartitioning");

        // a UNION (or a CTE, a subquery) across two tenants: each tenant is read by a subplan of its own first
        assertThatQuery(dataSource, "SELECT email FROM tenant_acme.users UNION SELECT email FROM tenant_globex.users")
                .isClassifiedAs(PlanKind.RECURSIVE);

        // two tenants' tables are never colocated
        assertThatThrownBy(() -> assertColocated(dataSource, "tenant_acme.events", "tenant_globex.events"))
                .hasMessageContaining("tables of two distributed schemas are never colocated");
        // end::schema-per-tenant-cross-tenant[]
    }

    @Test
    void should_say_which_tenant_schemas_a_statement_reaches(DataSource dataSource) {
        // tag::schema-per-tenant-failure[]
        String report = "WITH acme AS MATERIALIZED (SELECT email FROM tenant_acme.users)"
                + " SELECT count(*) FROM tenant_globex.users WHERE email IN (SELECT email FROM acme)";

        assertThatThrownBy(() -> assertRoutedToSingleWorker(dataSource, report))
                .hasMessageContaining("but it runs 1 distributed subplan first: subplan 1 runs as 1 task on worker-1"
                        + " in distributed schema tenant_acme; then the main query runs as 1 task on worker-2"
                        + " in distributed schema tenant_globex; it touches the tables of 2 distributed schemas"
                        + " (tenant_acme, tenant_globex)")
                .hasMessageContaining("Classification: " + PlanKind.RECURSIVE);
        // end::schema-per-tenant-failure[]
    }

    @Test
    void should_distribute_a_tenant_schema_the_application_creates_later(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try {
                // tag::schema-per-tenant-onboarding[]
                // a new tenant, created by the application on its own connection
                statement.execute("CREATE SCHEMA tenant_initech");
                statement.execute("CREATE TABLE tenant_initech.users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE)");

                assertThatSchema(dataSource, "tenant_initech").isDistributedSchema().hasOnlyTables("users");
                // end::schema-per-tenant-onboarding[]
            } finally {
                statement.execute("DROP SCHEMA IF EXISTS tenant_initech CASCADE");
            }
        }
    }

    @Test
    void should_return_only_the_tenant_s_rows(DataSource dataSource) throws SQLException {
        // GIVEN the same user id in two tenants
        insertUser(dataSource, "tenant_acme", 1L);
        insertUser(dataSource, "tenant_globex", 1L);
        insertEvents(dataSource, "tenant_acme", 1L, "login", "purchase", "logout");
        insertEvents(dataSource, "tenant_globex", 1L, "login");

        // WHEN / THEN
        assertThat(queryForLong(dataSource, "SELECT count(*) FROM tenant_acme.events e"
                + " JOIN tenant_acme.users u ON u.id = e.user_id WHERE u.id = ?", 1L))
                .isEqualTo(3);
        assertThat(queryForLong(dataSource, "SELECT count(*) FROM tenant_globex.events")).isEqualTo(1);
    }
}

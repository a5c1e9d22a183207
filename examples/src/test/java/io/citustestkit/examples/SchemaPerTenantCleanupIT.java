package io.citustestkit.examples;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.SQLException;

import static io.citustestkit.examples.TenantData.EVENT_TYPES;
import static io.citustestkit.examples.TenantData.queryForLong;
import static io.citustestkit.examples.TenantData.update;
import static io.citustestkit.examples.TenantSchemaData.TABLES;
import static io.citustestkit.examples.TenantSchemaData.TENANTS;
import static io.citustestkit.examples.TenantSchemaData.insertEvents;
import static io.citustestkit.examples.TenantSchemaData.insertSession;
import static io.citustestkit.examples.TenantSchemaData.insertUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @CitusCluster} empties the single-shard tables of the tenant schemas between tests, like any
 * other Citus table, and brings the reference table back to the rows the schema seeded: the cleanup
 * lists every table of {@code pg_dist_partition}. The first test writes rows into every table of both
 * tenants and deletes a seeded event type; the second finds the tenants' tables empty and the event
 * types back. Run with the default cleanup
 * (every node empties its own shards) and with {@code -Dcitus.testkit.cleanup-strategy=truncate}
 * (Citus's TRUNCATE through the coordinator).
 */
@EnabledIfCitusImage
@CitusCluster(workers = 2, schema = "classpath:schema-per-tenant-schema.sql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaPerTenantCleanupIT {

    @Test
    @Order(1)
    void should_write_rows_into_every_table_of_both_tenants(DataSource dataSource) throws SQLException {
        update(dataSource, "DELETE FROM event_types WHERE name = ?", "purchase");
        for (String tenant : TENANTS) {
            insertUser(dataSource, tenant, 1L);
            insertSession(dataSource, tenant, 1L, "token-of-" + tenant);
            insertEvents(dataSource, tenant, 1L, "login", "logout");
        }
        for (String tenant : TENANTS) {
            for (String table : TABLES) {
                assertThat(queryForLong(dataSource, "SELECT count(*) FROM " + tenant + "." + table))
                        .as("rows in %s.%s", tenant, table).isPositive();
            }
        }
    }

    @Test
    @Order(2)
    void should_find_every_table_of_both_tenants_empty_and_the_seeded_event_types_back(DataSource dataSource) throws SQLException {
        for (String tenant : TENANTS) {
            for (String table : TABLES) {
                assertThat(queryForLong(dataSource, "SELECT count(*) FROM " + tenant + "." + table))
                        .as("rows left in the single-shard table %s.%s", tenant, table).isZero();
            }
        }
        assertThat(queryForLong(dataSource, "SELECT count(*) FROM event_types")).as("the event types the schema seeded, "
                + "back after the first test deleted one").isEqualTo(EVENT_TYPES.length);
    }
}

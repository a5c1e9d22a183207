package io.citustestkit.examples;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.junit5.TableCleanup;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.SQLException;

import static io.citustestkit.examples.TenantSchemaData.insertSession;
import static io.citustestkit.examples.TenantSchemaData.insertUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TableCleanup#TRUNCATE_AND_RESTART_SEQUENCES} restarts the sequences of the tenant schemas'
 * single-shard tables too: every test's first session of a tenant gets id 1.
 */
@EnabledIfCitusImage
@CitusCluster(workers = 2, schema = "classpath:schema-per-tenant-schema.sql",
        cleanup = TableCleanup.TRUNCATE_AND_RESTART_SEQUENCES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaPerTenantSequencesIT {

    @Test
    @Order(1)
    void should_number_the_first_session_of_a_tenant_1(DataSource dataSource) throws SQLException {
        insertUser(dataSource, "tenant_acme", 1L);
        assertThat(insertSession(dataSource, "tenant_acme", 1L, "first")).isEqualTo(1L);
        assertThat(insertSession(dataSource, "tenant_acme", 1L, "second")).isEqualTo(2L);
    }

    @Test
    @Order(2)
    void should_number_it_1_again_in_the_next_test(DataSource dataSource) throws SQLException {
        insertUser(dataSource, "tenant_acme", 1L);
        assertThat(insertSession(dataSource, "tenant_acme", 1L, "first")).isEqualTo(1L);
    }
}

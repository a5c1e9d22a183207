package io.citustestkit.examples;

import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.recording.RecordedStatements;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static io.citustestkit.assertions.CitusAssertions.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Judging the SQL the application really sends: the repository runs through its own HikariCP pool,
 * and the kit records every statement that reaches the coordinator, with what Citus did with it.
 */
@EnabledIfCitusImage
// tag::recorded-statements[]
@CitusCluster(workers = 2, shardCount = 4, schema = "classpath:multi-tenant-schema.sql", recordStatements = true)
class RecordedStatementsIT {

    static HikariDataSource applicationPool;
    static TenantEvents events;

    @BeforeAll
    static void openTheApplicationsOwnPool(CitusTestCluster cluster) {
        applicationPool = ApplicationPool.of(cluster);
        events = new TenantEvents(applicationPool);
    }

    @Test
    void should_keep_every_statement_of_a_tenant_on_its_own_shard(RecordedStatements statements) throws SQLException {
        events.addTenant(42, "ada@example.com");
        events.record(42, "login");
        events.count(42);

        assertThatStatements(statements)
                .allRoutedToSingleWorker()
                .allTouchOnlyTenant(42L);
    }

    @Test
    void should_catch_the_method_that_lost_its_tenant_filter(RecordedStatements statements) throws SQLException {
        events.forgetEventsOfType(42, "login");

        assertThatThrownBy(() -> assertThatStatements(statements).allTouchOnlyTenant(42L))
                .hasMessageContaining("1) DELETE FROM events WHERE event_type = $1")
                .hasMessageContaining("parameters: [login]")
                .hasMessageContaining("MULTI_SHARD")
                .hasMessageContaining("it touched shards of other tenants: events ");
    }
    // end::recorded-statements[]

    @Test
    void should_show_what_citus_ran_for_the_statement_that_fanned_out(RecordedStatements statements) throws SQLException {
        events.addTenant(7, "grace@example.com");
        events.record(7, "login");
        events.forgetEventsOfType(7, "login");

        assertThat(statements.all()).hasSize(3);
        assertThatThrownBy(() -> assertThatStatements(statements).allRoutedToSingleWorker())
                .hasMessageContaining("(3 of 3) to run as one task on one node,\nbut 1 did not:\n"
                        + "1) DELETE FROM events WHERE event_type = $1\n")
                .hasMessageContaining("4 tasks on worker-1, worker-2")
                .hasMessageContaining("it fanned out to 4 tasks")
                .hasMessageContaining("Citus ran: DELETE FROM public.events_");
    }

    @AfterAll
    static void closePool() {
        if (applicationPool != null) {
            applicationPool.close();
        }
    }
}

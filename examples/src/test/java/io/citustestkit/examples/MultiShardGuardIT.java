package io.citustestkit.examples;

import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.AllowMultiShardStatements;
import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The suite-wide guard: with {@code failOnMultiShardStatements = true}, a test whose code sent a
 * multi-shard statement fails after it ran, with the statement and what Citus did. The guarded class
 * below is run here through JUnit's own engine, to show the failure its author would see.
 */
@EnabledIfCitusImage
class MultiShardGuardIT {

    @Test
    void should_fail_the_test_whose_code_fanned_out_and_let_the_allowed_report_through() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(GuardedTenantTest.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessageStartingWith("@CitusCluster(failOnMultiShardStatements = true): "
                        + GuardedTenantTest.class.getName() + ".should_forget_a_tenants_logins() sent statements that fanned out")
                .hasMessageContaining("1) DELETE FROM events WHERE event_type = $1");
    }

    // tag::multi-shard-guard[]
    @CitusCluster(workers = 2, shardCount = 4, schema = "classpath:multi-tenant-schema.sql", failOnMultiShardStatements = true)
    static class GuardedTenantTest {

        static HikariDataSource applicationPool;
        static TenantEvents events;

        @BeforeAll
        static void openTheApplicationsOwnPool(CitusTestCluster cluster) {
            applicationPool = ApplicationPool.of(cluster);
            events = new TenantEvents(applicationPool);
        }

        @Test
        void should_count_a_tenants_events() throws SQLException {
            events.addTenant(42, "ada@example.com");
            events.record(42, "login");
            assertThat(events.count(42)).isEqualTo(1);
        }

        @Test
        void should_forget_a_tenants_logins() throws SQLException {
            events.forgetEventsOfType(42, "login"); // fails the test: it ran on every shard
        }

        @Test
        @AllowMultiShardStatements("the operators' clean-up really spans every tenant")
        void should_forget_every_tenants_logins() throws SQLException {
            events.forgetEventsOfType(42, "login");
        }

        @AfterAll
        static void closePool() {
            applicationPool.close();
        }
    }
    // end::multi-shard-guard[]
}

package io.citustestkit.examples.springboot;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * What a team sees when its migration breaks Citus's rule for keys: {@code db/refused-migration}
 * declares {@code UNIQUE (email)} on a table distributed by {@code owner_id}, Citus refuses to
 * distribute it, and the application context does not start. The test class below is run here through
 * JUnit's own engine, to show the failure its author would see.
 */
@EnabledIfCitusImage
class RefusedMigrationIT {

    @Test
    void should_fail_the_context_with_citus_s_reason_when_a_unique_key_lacks_the_distribution_column() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(RefusedMigrationCase.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        // tag::spring-boot-refused-migration[]
        assertThat(failure).hasMessageStartingWith("Failed to load ApplicationContext")
                .hasStackTraceContaining("Failed to execute script V1__invitations.sql");
        assertThat(failure).rootCause()
                .hasMessageContaining("ERROR: cannot create constraint on \"invitations\"")
                .hasMessageContaining("Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints"
                        + " that do not include the partition column");
        // end::spring-boot-refused-migration[]
    }

    @SpringBootTest(properties = "spring.flyway.locations=classpath:db/refused-migration")
    @CitusCluster(workers = 0)   // a coordinator only: the rule does not depend on the workers
    static class RefusedMigrationCase {

        @Test
        void should_start() {
        }
    }
}

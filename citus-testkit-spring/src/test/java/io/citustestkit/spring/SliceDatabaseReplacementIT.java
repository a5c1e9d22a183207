package io.citustestkit.spring;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.junit5.CitusResource;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The slice keeps the coordinator because it sees a test database, not because it does not look: told
 * to replace any {@code DataSource} ({@code @AutoConfigureTestDatabase(replace = ANY)}), the same
 * {@code @JdbcTest} on the same cluster fails to start with Spring Boot's own message, where the
 * default ({@code NON_TEST}) runs on the coordinator. The fixtures run through JUnit's own engine.
 */
@EnabledIfCitusImage
class SliceDatabaseReplacementIT {

    @Test
    void should_keep_the_coordinator_by_default_and_replace_it_only_when_told_to_replace_any_data_source() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(KeptCase.class), selectClass(ReplaceAnyCase.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Event failed = results.testEvents().failed().list().get(0);
        assertThat(failed.getTestDescriptor().getUniqueId().toString()).contains(ReplaceAnyCase.class.getSimpleName());
        Throwable failure = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(messages(failure)).as("the cause chain of the failed context")
                .anyMatch(message -> message.contains("Failed to replace DataSource with an embedded database for tests"));
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !messages.contains(String.valueOf(cause.getMessage())); cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return messages;
    }

    @JdbcTest
    @CitusCluster(workers = 1, shardCount = 2)
    static class KeptCase {
        @CitusResource
        static CitusTestCluster cluster;

        @Test
        void test(@Autowired DataSource dataSource) {
            OnTheCoordinator.assertOnTheCoordinator(dataSource, cluster);
        }
    }

    @JdbcTest
    @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.ANY)
    @CitusCluster(workers = 1, shardCount = 2)
    static class ReplaceAnyCase {
        @Test
        void test(@Autowired DataSource dataSource) {
            // not reached: no embedded database to replace the coordinator's DataSource with
        }
    }
}

package io.citustestkit.spring;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.junit5.CitusResource;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One cluster per configuration for Spring tests too: two classes with the same Spring configuration
 * share one cluster and one context, a class with another Spring configuration gets its own context on
 * the same cluster, and Spring's context cache never hands a context to a test after its cluster is
 * gone. The fixtures run through JUnit's own engine: each run has its own clusters, as a test run does.
 */
@EnabledIfCitusImage
class SharedClusterAcrossContextsIT {

    private static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();

    @Test
    void should_share_the_cluster_between_contexts_and_never_reuse_a_context_after_its_cluster_closed() {
        run(FirstCase.class, SecondCase.class, OtherContextCase.class).testEvents().assertStatistics(stats -> stats.succeeded(3));
        Seen first = SEEN.remove("FirstCase");
        Seen second = SEEN.remove("SecondCase");
        Seen other = SEEN.remove("OtherContextCase");

        assertThat(second.cluster()).as("same @CitusCluster: one cluster").isEqualTo(first.cluster()).isEqualTo(other.cluster());
        assertThat(second.context()).as("same Spring configuration: one cached context").isSameAs(first.context());
        assertThat(other.context()).as("another Spring configuration: another context").isNotSameAs(first.context());
        assertThat(first.context().isActive()).as("closed with the cluster at the end of the run").isFalse();
        assertThat(other.context().isActive()).isFalse();

        run(FirstCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        Seen later = SEEN.remove("FirstCase");

        assertThat(later.cluster()).as("a later run: a new cluster").isNotEqualTo(first.cluster());
        assertThat(later.context()).as("a later run: a new context, not the cached one of the closed cluster")
                .isNotSameAs(first.context());
    }

    private static EngineExecutionResults run(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
                .execute();
    }

    private record Seen(String cluster, ConfigurableApplicationContext context) {
    }

    /** The same Spring configuration as {@link SecondCase}, the annotations in the other order. */
    @SpringBootTest(classes = TestApplication.class)
    @CitusCluster(workers = 1, shardCount = 2)
    static class FirstCase {
        @CitusResource
        static CitusTestCluster cluster;

        @Autowired
        ConfigurableApplicationContext context;

        @Test
        void test(@Autowired JdbcTemplate jdbc) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM events", Long.class)).isZero();
            SEEN.put("FirstCase", new Seen(cluster.id(), context));
        }
    }

    @CitusCluster(workers = 1, shardCount = 2)
    @SpringBootTest(classes = TestApplication.class)
    static class SecondCase {
        @CitusResource
        static CitusTestCluster cluster;

        @Autowired
        ConfigurableApplicationContext context;

        @Test
        void test(@Autowired JdbcTemplate jdbc) {
            jdbc.update("INSERT INTO events (owner_id, event_type) VALUES (1, 'login')");
            SEEN.put("SecondCase", new Seen(cluster.id(), context));
        }
    }

    /** Another Spring configuration (a property), the same cluster. */
    @SpringBootTest(classes = TestApplication.class, properties = "spring.datasource.hikari.maximum-pool-size=3")
    @CitusCluster(workers = 1, shardCount = 2)
    static class OtherContextCase {
        @CitusResource
        static CitusTestCluster cluster;

        @Autowired
        ConfigurableApplicationContext context;

        @Test
        void test(@Autowired JdbcTemplate jdbc) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM events", Long.class)).isZero();
            SEEN.put("OtherContextCase", new Seen(cluster.id(), context));
        }
    }
}

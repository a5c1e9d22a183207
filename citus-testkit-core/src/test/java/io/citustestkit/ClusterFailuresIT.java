package io.citustestkit;

import io.citustestkit.schema.SchemaStatementException;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.Leftovers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every start-up failure says what, where and how to fix it, and leaves nothing behind. Counts only
 * what this JVM made: another run of the suite may share the engine.
 */
@EnabledIfCitusImage
class ClusterFailuresIT {

    private int containersBefore;
    private int networksBefore;

    @BeforeEach
    void countBefore() {
        containersBefore = Leftovers.containersOfThisJvm();
        networksBefore = Leftovers.networksOfThisJvm();
    }

    @AfterEach
    void nothingLeftBehind() {
        assertThat(Leftovers.containersOfThisJvm()).as("labelled containers of this JVM after the failure").isEqualTo(containersBefore);
        assertThat(Leftovers.networksOfThisJvm()).as("labelled networks of this JVM after the failure").isEqualTo(networksBefore);
    }

    @Test
    void should_name_the_failing_schema_statement_with_citus_detail_and_tear_the_cluster_down() {
        assertThatThrownBy(() -> CitusTestCluster.builder().workers(1).shardCount(2)
                .schema("classpath:cluster-it-broken-schema.sql").start())
                .isInstanceOf(SchemaStatementException.class)
                .hasMessageStartingWith("Schema statement 4 of 'classpath:cluster-it-broken-schema.sql' (line 9) failed:\n"
                        + "  SELECT create_distributed_table('accounts', 'tenant_id')\n"
                        + "  ERROR: cannot create constraint on \"accounts\"")
                .hasMessageContaining("DETAIL: Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints "
                        + "that do not include the partition column")
                .hasCauseInstanceOf(org.postgresql.util.PSQLException.class);
    }

    @Test
    void should_name_an_image_that_cannot_be_obtained_and_how_to_choose_another() {
        assertThatThrownBy(() -> CitusTestCluster.builder().image("citus-testkit-missing/citus:0.0.0").start())
                .isInstanceOf(ClusterStartException.class)
                .hasMessageStartingWith("Could not obtain the Citus image 'citus-testkit-missing/citus:0.0.0' (set in code): ")
                .hasMessageContaining("It is not present locally and could not be pulled.")
                .hasMessageContaining("citus.testkit.image")
                .hasMessageContaining("CITUS_TESTKIT_IMAGE")
                .hasCauseInstanceOf(RuntimeException.class);
    }

    @Test
    void should_name_the_node_and_show_its_log_when_postgres_does_not_start() {
        assertThatThrownBy(() -> CitusTestCluster.builder().workers(1).startupTimeout(Duration.ofSeconds(30))
                .withNodeCustomizer(node -> node.withCommand("postgres", "-c", "no_such_setting=1")).start())
                .isInstanceOf(ClusterStartException.class)
                .hasMessageContaining("Node coordinator (image ")
                .hasMessageContaining("Node worker-1 (image ")
                .hasMessageContaining("did not start")
                .hasMessageContaining("Last lines of its log:")
                .hasMessageContaining("unrecognized configuration parameter \"no_such_setting\"");
    }

    @Test
    void should_time_out_a_node_that_runs_but_never_becomes_ready_and_say_what_it_waited_for() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> CitusTestCluster.builder().workers(0).startupTimeout(Duration.ofSeconds(5))
                .withNodeCustomizer(node -> node.withCommand("sleep", "infinity")).start())
                .isInstanceOf(ClusterStartException.class)
                .hasMessageContaining("Node coordinator (image ")
                .hasMessageContaining("did not start: it did not answer a JDBC round trip at jdbc:postgresql://")
                .hasMessageContaining("/test within 5 s")
                .hasMessageContaining("Last lines of its log:");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the start-up timeout")
                .isLessThan(Duration.ofSeconds(30));
    }
}

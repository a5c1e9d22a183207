package io.citustestkit.junit5;

import io.citustestkit.ClusterStartException;
import io.citustestkit.schema.SchemaStatementException;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A cluster whose schema fails is reported once, with the statement, and never started again. */
@EnabledIfCitusImage
class SchemaFailureIT {

    private static final String BROKEN_SCHEMA = "classpath:io/citustestkit/junit5/broken-schema.sql";

    @Test
    void should_fail_every_class_of_a_configuration_whose_schema_fails_quickly_and_with_the_original_cause() {
        EngineExecutionResults results = EngineRuns.run(BrokenSchemaCase.class, SameBrokenSchemaCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable first = EngineRuns.failureOf(results, BrokenSchemaCase.class);
        assertThat(first)
                .isInstanceOf(SchemaStatementException.class)
                .hasMessageStartingWith("Schema statement 2 of '" + BROKEN_SCHEMA + "' (line 6) failed:\n"
                        + "  SELECT create_distributed_table('broken_events', 'tenant_id')\n")
                .hasMessageContaining("tenant_id");
        assertThat(((SchemaStatementException) first).statement().number()).isEqualTo(2);

        Throwable second = EngineRuns.failureOf(results, SameBrokenSchemaCase.class);
        ClusterSpec spec = ClusterSpec.of(BrokenSchemaCase.class.getAnnotation(CitusCluster.class), BrokenSchemaCase.class);
        assertThat(second)
                .isInstanceOf(ClusterStartException.class)
                .hasMessage(Messages.startFailedEarlier(spec.toString(), BrokenSchemaCase.class.getName(), first))
                .as("no second start: the first start's failure, remembered and rethrown")
                .cause().isSameAs(first);
    }

    @Order(1)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = BROKEN_SCHEMA,
            dataOnTmpfs = TestCluster.DATA_ON_TMPFS)
    static class BrokenSchemaCase {
        @Test
        void test() {
        }
    }

    @Order(2)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = BROKEN_SCHEMA,
            dataOnTmpfs = TestCluster.DATA_ON_TMPFS)
    static class SameBrokenSchemaCase {
        @Test
        void test() {
        }
    }
}

package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running against a cluster the user already runs: this class's own cluster plays that part, and the
 * fixtures, pointed at it with {@code citus.testkit.url}, start no container.
 */
@EnabledIfCitusImage
@TestCluster
class ExistingClusterIT {

    private static final String EXISTING_SCHEMA = "classpath:io/citustestkit/junit5/existing-schema.sql";

    @CitusResource
    static CitusTestCluster existing;

    @Test
    void should_run_the_tests_against_the_existing_cluster_without_starting_containers() {
        EngineExecutionResults results = runAgainstExisting(ExistingDataSourceCase.class, SameSchemaCase.class);

        EngineRuns.assertAllSucceeded(results);
        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(Sql.queryLong(existing.dataSource(),
                "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'existing_notes'::regclass"))
                .as("the schema was applied once with the class's shardCount").isEqualTo(3);
    }

    @Test
    void should_inject_a_CitusTestCluster_connected_to_the_existing_coordinator() {
        EngineExecutionResults results = runAgainstExisting(TestClusterParameterCase.class);

        EngineRuns.assertAllSucceeded(results);
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    private static EngineExecutionResults runAgainstExisting(Class<?>... fixtures) {
        return EngineRuns.run(Map.of(ExistingClusterSettings.URL_PROPERTY, existing.jdbcUrl(),
                ExistingClusterSettings.USER_PROPERTY, existing.username(),
                ExistingClusterSettings.PASSWORD_PROPERTY, existing.password()), fixtures);
    }

    private static String urlOf(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        }
    }

    // ---------------------------------------------------------------- fixtures

    /**
     * workers, image and tmpfs do not apply to an existing cluster: the image does not exist, so the class
     * would fail if the extension tried to start containers.
     */
    @Order(1)
    @CitusCluster(workers = 5, image = "citus-testkit-never-pulled/citus:0", shardCount = 3, schema = EXISTING_SCHEMA)
    static class ExistingDataSourceCase {
        @Test
        void test(DataSource dataSource) throws SQLException {
            assertThat(urlOf(dataSource)).isEqualTo(existing.jdbcUrl());
            Sql.execute(dataSource, "INSERT INTO existing_notes (owner_id, note) VALUES (1, 'hello')");
        }
    }

    /** Same schema and shardCount: the non-re-runnable schema is not applied a second time. */
    @Order(2)
    @CitusCluster(shardCount = 3, schema = EXISTING_SCHEMA, disabledWithoutDocker = true)
    static class SameSchemaCase {
        @Test
        void test(DataSource dataSource) throws SQLException {
            assertThat(urlOf(dataSource)).isEqualTo(existing.jdbcUrl());
            assertThat(Sql.count(dataSource, "existing_notes")).as("emptied after the previous class's test").isZero();
        }
    }

    @CitusCluster
    static class TestClusterParameterCase {
        @Test
        void test(CitusTestCluster cluster) throws SQLException {
            assertThat(cluster.isManaged()).isFalse();
            assertThat(cluster.jdbcUrl()).isEqualTo(existing.jdbcUrl());
            assertThat(urlOf(cluster.dataSource())).isEqualTo(existing.jdbcUrl());
            cluster.execute("SELECT 1");
            org.assertj.core.api.Assertions.assertThatThrownBy(cluster::workers)
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("has no containers");
        }
    }
}

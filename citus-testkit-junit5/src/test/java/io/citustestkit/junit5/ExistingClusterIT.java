package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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

    @Test
    void should_restore_the_rows_the_schema_left_through_the_coordinator_and_drop_its_copies_at_the_end() {
        EngineExecutionResults results = runAgainstExisting(SeededCase.class);

        EngineRuns.assertAllSucceeded(results);
        results.testEvents().assertStatistics(stats -> stats.succeeded(3));
        assertThat(Sql.queryString(existing.dataSource(), "SELECT to_regclass('citus_testkit_seed.tables')::text"))
                .as("the copies the run kept on the existing coordinator, dropped when it ended").isNull();
        Sql.execute(existing.dataSource(), "DROP TABLE existing_accounts, existing_plans");
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

    /** The default clean state on an existing cluster: TRUNCATE through the coordinator, then the remembered rows again. */
    @CitusCluster(shardCount = 3, schema = "classpath:io/citustestkit/junit5/existing-seeded-schema.sql")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SeededCase {

        static final String PLANS = "SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM existing_plans";
        static final String ACCOUNTS = "SELECT string_agg(owner_id || ':' || id || ':' || plan_id, ',' ORDER BY owner_id) FROM existing_accounts";

        @Test
        @Order(1)
        void finds_the_seeded_rows_and_deletes_and_changes_them(DataSource dataSource) {
            assertSeeded(dataSource);
            Sql.execute(dataSource, "DELETE FROM existing_accounts WHERE owner_id = 1");
            Sql.execute(dataSource, "UPDATE existing_plans SET name = 'changed' WHERE id = 1");
        }

        @Test
        @Order(2)
        void finds_them_back_and_adds_rows(DataSource dataSource) {
            assertSeeded(dataSource);
            Sql.execute(dataSource, "INSERT INTO existing_plans VALUES (3, 'team')");
            Sql.execute(dataSource, "INSERT INTO existing_accounts (owner_id, plan_id) VALUES (4, 3)");
        }

        @Test
        @Order(3)
        void finds_only_the_seeded_rows(DataSource dataSource) {
            assertSeeded(dataSource);
        }

        private static void assertSeeded(DataSource dataSource) {
            assertThat(Sql.queryString(dataSource, PLANS)).isEqualTo("1:free,2:pro");
            assertThat(Sql.queryString(dataSource, ACCOUNTS)).isEqualTo("1:1:1,2:2:2,3:3:2");
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

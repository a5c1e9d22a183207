package io.citustestkit.schema;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.ContainerLabels;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.Leftovers;
import io.citustestkit.testsupport.Rows;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Flyway migrations as a cluster's schema: applied in order with SQL scripts, and a failing one named. */
@EnabledIfCitusImage
class FlywaySchemaIT {

    @Test
    void should_apply_a_script_then_flyway_migrations_from_two_locations_then_a_script_in_order() throws SQLException {
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(2).shardCount(4)
                .schema("classpath:flyway-it-before.sql", "flyway:classpath:db/flyway-it/main,classpath:db/flyway-it/more",
                        "classpath:flyway-it-after.sql")
                .start()) {

            assertThat(rows(cluster, "SELECT version FROM flyway_schema_history WHERE success AND type <> 'BASELINE' "
                    + "ORDER BY installed_rank")).as("both locations, ordered by version").containsExactly("1", "2", "3");
            assertThat(rows(cluster, "SELECT count(*) FROM countries")).as("V2 filled the script's table").containsExactly("2");
            assertThat(rows(cluster, "SELECT count(*) FROM events WHERE note = 'seed'")).as("the last script used V3's column")
                    .containsExactly("10");
            assertThat(rows(cluster, "SELECT logicalrelid::text || ' ' || partmethod::text FROM pg_dist_partition ORDER BY 1"))
                    .containsExactly("countries n", "events h", "tenants n");
            assertThat(rows(cluster, "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'events'::regclass"))
                    .containsExactly("4");
            assertThat(rows(cluster, "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text = 'flyway_schema_history'"))
                    .as("a plain local table, which the per-test cleanup (Citus tables only) never empties").containsExactly("0");
        }
    }

    @Test
    void should_run_flyway_on_the_given_session_so_that_its_settings_apply() throws SQLException {
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(1).start();
             Connection session = cluster.dataSource().getConnection()) {
            try (Statement statement = session.createStatement()) {
                statement.execute("SET citus.shard_count = 3");
            }

            SchemaSource.applyAll(session, List.of(SchemaSource.of("flyway:classpath:db/flyway-it-session")));

            assertThat(rows(cluster, "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'sessions'::regclass"))
                    .as("citus.shard_count set on the session before Flyway ran").containsExactly("3");
            assertThat(session.isClosed()).as("Flyway closed only its view of the session").isFalse();
            assertThat(session.getAutoCommit()).isTrue();
        }
    }

    @Test
    void should_name_the_migration_citus_refuses_with_its_detail_and_leave_no_container() {
        AtomicReference<String> clusterId = new AtomicReference<>();

        SchemaMigrationException failure = catchThrowableOfType(SchemaMigrationException.class,
                () -> CitusTestCluster.builder().workers(1).shardCount(2)
                        .withNodeCustomizer(node -> clusterId.set(node.getLabels().get(ContainerLabels.CLUSTER)))
                        .schema("flyway:classpath:db/flyway-it-broken").start());

        assertThat(failure.getMessage())
                .startsWith("Flyway migration 2 (distribute accounts) of 'flyway:classpath:db/flyway-it-broken' failed, "
                        + "in V2__distribute_accounts.sql at line ")
                .contains("\n  SELECT create_distributed_table('accounts', 'tenant_id')\n  ERROR: cannot create constraint on \"accounts")
                .contains("DETAIL: Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints "
                        + "that do not include the partition column")
                .endsWith("Fix the migration in 'V2__distribute_accounts.sql'; the cluster that ran it was not kept.");
        assertThat(failure.migration().version()).isEqualTo("2");
        assertThat(failure.migration().line()).as("the line of the rejected statement").isEqualTo(7);
        assertThat((Throwable) failure).hasCauseInstanceOf(FlywayException.class);
        assertThat((Object) SchemaMessages.serverException(failure)).isInstanceOf(org.postgresql.util.PSQLException.class);
        assertThat(clusterId.get()).as("the failed cluster's id, read from its containers' labels").isNotBlank();
        assertThat(Leftovers.containers(clusterId.get())).as("containers of the failed cluster").isZero();
        assertThat(Leftovers.networks(clusterId.get())).as("networks of the failed cluster").isZero();
    }

    private static List<String> rows(CitusTestCluster cluster, String sql) throws SQLException {
        return Rows.of(cluster.dataSource(), sql);
    }
}

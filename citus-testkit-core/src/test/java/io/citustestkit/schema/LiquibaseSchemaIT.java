package io.citustestkit.schema;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.ContainerLabels;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.Leftovers;
import io.citustestkit.testsupport.Rows;
import liquibase.exception.LiquibaseException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A Liquibase changelog as a cluster's schema: applied in order with SQL scripts, and a failing change set named. */
@EnabledIfCitusImage
class LiquibaseSchemaIT {

    @Test
    void should_apply_the_changelog_and_its_includes_then_a_script() throws SQLException {
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(2).shardCount(4)
                .schema("liquibase:classpath:db/liquibase-it/master.yaml", "classpath:liquibase-it-after.sql")
                .start()) {

            assertThat(rows(cluster, "SELECT id FROM databasechangelog ORDER BY orderexecuted"))
                    .containsExactly("1-tenants", "2-events");
            assertThat(rows(cluster, "SELECT logicalrelid::text || ' ' || partmethod::text FROM pg_dist_partition ORDER BY 1"))
                    .containsExactly("lb_events h", "lb_tenants n");
            assertThat(rows(cluster, "SELECT count(*) FROM lb_events")).as("the script after the changelog").containsExactly("5");
            assertThat(rows(cluster, "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text LIKE 'databasechangelog%'"))
                    .as("plain local tables, which the per-test cleanup (Citus tables only) never empties").containsExactly("0");
        }
    }

    @Test
    void should_name_the_change_set_citus_refuses_with_its_detail_and_leave_no_container() {
        AtomicReference<String> clusterId = new AtomicReference<>();

        SchemaMigrationException failure = catchThrowableOfType(SchemaMigrationException.class,
                () -> CitusTestCluster.builder().workers(1).shardCount(2)
                        .withNodeCustomizer(node -> clusterId.set(node.getLabels().get(ContainerLabels.CLUSTER)))
                        .schema("liquibase:classpath:db/liquibase-it-broken/master.yaml").start());

        assertThat(failure.getMessage())
                .startsWith("Liquibase change set 2-accounts::citus-testkit (")
                .contains(" of 'liquibase:classpath:db/liquibase-it-broken/master.yaml' failed, in db/liquibase-it-broken/master.yaml:\n"
                        + "  SELECT create_distributed_table('lb_accounts', 'tenant_id')\n  ERROR: cannot create constraint on \"lb_accounts")
                .contains("DETAIL: Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints "
                        + "that do not include the partition column")
                .endsWith("Fix the change set in 'db/liquibase-it-broken/master.yaml'; the cluster that ran it was not kept.");
        assertThat(failure.migration().version()).isEqualTo("2-accounts::citus-testkit");
        assertThat((Throwable) failure).hasCauseInstanceOf(LiquibaseException.class);
        assertThat((Object) SchemaMessages.serverException(failure)).isInstanceOf(org.postgresql.util.PSQLException.class);
        assertThat(clusterId.get()).as("the failed cluster's id, read from its containers' labels").isNotBlank();
        assertThat(Leftovers.containers(clusterId.get())).as("containers of the failed cluster").isZero();
        assertThat(Leftovers.networks(clusterId.get())).as("networks of the failed cluster").isZero();
    }

    private static List<String> rows(CitusTestCluster cluster, String sql) throws SQLException {
        return Rows.of(cluster.dataSource(), sql);
    }
}

package io.citustestkit.recording;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;

import static io.citustestkit.assertions.CitusAssertions.assertThatSchema;
import static io.citustestkit.assertions.CitusAssertions.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Schema-based sharding switched on with the builder, and statement recording judging schema tenants:
 * {@code allStayInSchema} is {@code allTouchOnlyTenant}'s counterpart.
 */
@EnabledIfCitusImage
class SchemaTenantRecordingIT {

    @Test
    void should_distribute_new_schemas_and_catch_a_statement_that_left_its_tenants_schema() {
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(2).schemaBasedSharding(true).start()) {
            for (String tenant : new String[] {"tenant_a", "tenant_b"}) {
                cluster.execute("CREATE SCHEMA " + tenant);
                cluster.execute("CREATE TABLE " + tenant + ".orders (id bigint PRIMARY KEY, item text)");
                cluster.execute("CREATE TABLE " + tenant + ".customers (id bigint PRIMARY KEY, name text)");
            }
            assertThatSchema(cluster.dataSource(), "tenant_a").isDistributedSchema().hasTables("orders", "customers");

            try (StatementRecorder recorder = cluster.recordStatements()) {
                cluster.execute("INSERT INTO tenant_a.orders VALUES (1, 'tea')");
                cluster.execute("SELECT o.item, c.name FROM tenant_a.orders o JOIN tenant_a.customers c ON c.id = o.id");

                assertThat(recorder.statements().all()).extracting(RecordedStatement::kind).containsOnly(PlanKind.ROUTER);
                assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allStayInSchema("tenant_a");

                cluster.execute("SELECT count(*) FROM tenant_b.orders");
                AssertionError left = catchThrowableOfType(AssertionError.class,
                        () -> assertThatStatements(recorder.statements()).allStayInSchema("tenant_a"));
                assertThat(left).hasMessageStartingWith("\nExpecting every recorded statement that touched a distributed table "
                                + "(3 of 3) to stay in distributed schema tenant_a,\nbut 1 did not:\n"
                                + "1) SELECT count(*) FROM tenant_b.orders\n")
                        .hasMessageContaining("it touched tables outside tenant_a: tenant_b.orders ");
            }
        }
    }
}

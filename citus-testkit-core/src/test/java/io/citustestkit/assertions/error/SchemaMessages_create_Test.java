package io.citustestkit.assertions.error;

import io.citustestkit.metadata.SchemaKind;
import io.citustestkit.metadata.SchemaMetadata;
import io.citustestkit.metadata.TableMetadata;
import io.citustestkit.plan.Recordings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.SchemaShouldExist.schemaShouldExist;
import static io.citustestkit.assertions.error.ShouldBeDistributedSchema.shouldBeDistributedSchema;
import static io.citustestkit.assertions.error.ShouldBePlacedOn.shouldBePlacedOn;
import static io.citustestkit.assertions.error.ShouldHaveOnlyTables.shouldHaveOnlyTables;
import static io.citustestkit.assertions.error.ShouldHaveTables.shouldHaveTables;
import static org.assertj.core.api.BDDAssertions.then;

/**
 * The failures of the schema checks, on the schemas of the cluster recorded on Citus 14 with
 * {@code schema-based-sharding.sql}: {@code tenant_a} on {@code w2}, {@code tenant_empty} without tables.
 */
class SchemaMessages_create_Test {

    private static final String FOLDER = Recordings.schemaBased(Recordings.CITUS_14);
    private static final String TENANT_A = "  distributed schema tenant_a (colocation group 3, 2 tables on w2:5432)%n"
            + "  table customers of distributed schema tenant_a (single-shard, colocation group 3, on w2:5432)%n"
            + "  table orders of distributed schema tenant_a (single-shard, colocation group 3, on w2:5432)";

    @Test
    void should_name_a_schema_that_does_not_exist() {
        // WHEN
        String message = create(schemaShouldExist(SchemaMetadata.missing("tenant_x")));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting schema:%n"
                + "  tenant_x%n"
                + "to exist%n"
                + "but to_regnamespace('tenant_x') found no schema of that name."));
    }

    @Test
    void should_show_a_regular_schema_with_its_tables_and_how_to_distribute_it() {
        // GIVEN the recorded regular schema billing and its plain table
        SchemaMetadata billing = new SchemaMetadata("billing", "billing", SchemaKind.REGULAR, 0,
                List.of(TableMetadata.plain("billing.invoices", "billing.invoices")));
        // WHEN
        String message = create(shouldBeDistributedSchema(billing));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting schema:%n"
                + "  billing%n"
                + "to be a distributed schema (in pg_dist_schema: every table of it a single-shard table of the"
                + " schema's colocation group, all on one node)%n"
                + "but it is:%n"
                + "  regular schema billing (not in pg_dist_schema, 1 table)%n"
                + "  plain PostgreSQL table billing.invoices (not in pg_dist_partition: Citus does not manage it)%n"
                + "Distribute it with SELECT citus_schema_distribute('billing'), or create it while"
                + " citus.enable_schema_based_sharding is on."));
    }

    @Test
    void should_show_the_tables_of_a_distributed_schema_left_out_of_its_shard_group() {
        // GIVEN tenant_a as recorded, plus a plain table that dynamic SQL created in it
        SchemaMetadata recorded = Recordings.schema(FOLDER, "tenant_a");
        List<TableMetadata> tables = new ArrayList<>(recorded.tables());
        tables.add(0, TableMetadata.plain("tenant_a.audit_notes", "tenant_a.audit_notes"));
        SchemaMetadata tenant = new SchemaMetadata("tenant_a", "tenant_a", SchemaKind.DISTRIBUTED, 3, tables);
        // WHEN
        String message = create(shouldBeDistributedSchema(tenant));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting schema:%n"
                + "  tenant_a%n"
                + "to be a distributed schema (in pg_dist_schema: every table of it a single-shard table of the"
                + " schema's colocation group, all on one node)%n"
                + "but table audit_notes of it is not in its shard group (not single-shard tables of colocation group"
                + " 3):%n"
                + "  distributed schema tenant_a (colocation group 3, 2 tables on w2:5432; not in its shard group:"
                + " audit_notes)%n"
                + "  plain PostgreSQL table tenant_a.audit_notes (not in pg_dist_partition: Citus does not manage it)%n"
                + "  table customers of distributed schema tenant_a (single-shard, colocation group 3, on w2:5432)%n"
                + "  table orders of distributed schema tenant_a (single-shard, colocation group 3, on w2:5432)%n"
                + "Citus distributes a table that a top-level CREATE TABLE creates in a distributed schema, not one"
                + " that dynamic SQL creates (EXECUTE in a function or a DO block)."));
        then(create(shouldBePlacedOn(tenant, "w2"))).contains(String.format(
                "but table audit_notes of it is not in its shard group, so not placed with it:%n"));
    }

    @Test
    void should_show_where_a_schema_is_placed_and_how_to_move_it() {
        // GIVEN
        SchemaMetadata tenant = Recordings.schema(FOLDER, "tenant_a");
        // WHEN
        String message = create(shouldBePlacedOn(tenant, "w1"));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting schema:%n"
                + "  tenant_a%n"
                + "to be placed on w1 (every shard of its tables on that node)%n"
                + "but it is placed on w2:5432:%n"
                + TENANT_A + "%n"
                + "Citus moves a distributed schema as a whole: SELECT citus_schema_move('tenant_a', 'w1', 5432)."));
    }

    @Test
    void should_move_a_schema_to_the_port_given_with_the_node() {
        // WHEN
        String message = create(shouldBePlacedOn(Recordings.schema(FOLDER, "tenant_a"), "w2:6432"));
        // THEN
        then(message).contains(String.format("to be placed on w2:6432 (every shard of its tables on that node)%n"
                        + "but it is placed on w2:5432:%n"))
                .endsWith("SELECT citus_schema_move('tenant_a', 'w2', 6432).");
    }

    @Test
    void should_say_a_schema_without_tables_is_not_placed_yet() {
        // WHEN
        String message = create(shouldBePlacedOn(Recordings.schema(FOLDER, "tenant_empty"), "w1"));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting schema:%n"
                + "  tenant_empty%n"
                + "to be placed on w1 (every shard of its tables on that node)%n"
                + "but it has no table yet, so Citus has not placed it:%n"
                + "  distributed schema tenant_empty (colocation group 5, no table yet: Citus places its shard group"
                + " when its first table is created)"));
    }

    @Test
    void should_say_a_regular_schema_is_not_placed_as_a_whole() {
        // GIVEN a regular schema whose tables are distributed one by one
        SchemaMetadata billing = new SchemaMetadata("billing", "billing", SchemaKind.REGULAR, 0, List.of());
        // WHEN
        String message = create(shouldBePlacedOn(billing, "w1"));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting schema:%n"
                + "  billing%n"
                + "to be placed on w1 (every shard of its tables on that node)%n"
                + "but it is not a distributed schema, so Citus does not place its tables together:%n"
                + "  regular schema billing (not in pg_dist_schema, no table)"));
    }

    @Test
    void should_show_the_tables_a_schema_lacks_and_those_it_has() {
        // WHEN
        String message = create(shouldHaveTables(Recordings.schema(FOLDER, "tenant_a"), List.of("orders", "invoices"),
                List.of("invoices")));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting schema:%n"
                + "  tenant_a%n"
                + "to have tables:%n"
                + "  orders, invoices%n"
                + "but it has no table invoices:%n"
                + TENANT_A));
    }

    @Test
    void should_show_the_tables_a_schema_lacks_and_those_it_has_too_many() {
        // WHEN
        String message = create(shouldHaveOnlyTables(Recordings.schema(FOLDER, "tenant_a"), List.of("orders", "invoices"),
                List.of("invoices"), List.of("customers")));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting schema:%n"
                + "  tenant_a%n"
                + "to have only tables:%n"
                + "  orders, invoices%n"
                + "but it has no table invoices and also has table customers:%n"
                + TENANT_A));
    }

    @Test
    void should_show_the_tables_a_schema_has_besides_those_expected() {
        // WHEN
        String message = create(shouldHaveOnlyTables(Recordings.schema(FOLDER, "tenant_a"), List.of("orders"),
                List.of(), List.of("customers")));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting schema:%n"
                + "  tenant_a%n"
                + "to have only tables:%n"
                + "  orders%n"
                + "but it also has table customers:%n"
                + TENANT_A));
    }
}

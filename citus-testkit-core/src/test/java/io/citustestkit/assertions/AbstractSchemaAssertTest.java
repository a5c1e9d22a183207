package io.citustestkit.assertions;

import io.citustestkit.metadata.SchemaKind;
import io.citustestkit.metadata.SchemaMetadata;
import io.citustestkit.metadata.TableMetadata;
import io.citustestkit.plan.Recordings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema checks' decisions, on the schemas recorded on Citus 14 ({@code schema-based-sharding.sql}:
 * {@code tenant_a} holds {@code customers} and {@code orders}, on {@code w2}); their messages are tested
 * with their factories, and against a live cluster by {@code SchemaAssertionsIT}.
 */
class AbstractSchemaAssertTest {

    private static final String FOLDER = Recordings.schemaBased(Recordings.CITUS_14);

    private static SchemaAssert assertThatRecordedSchema(String name) {
        return new SchemaAssert(Recordings.schema(FOLDER, name));
    }

    @Test
    void should_pass_for_a_distributed_schema_on_its_node_with_its_tables() {
        assertThatRecordedSchema("tenant_a")
                .isDistributedSchema()
                .isPlacedOn("w2")
                .isPlacedOn("W2:5432")
                .hasTables("orders")
                .hasTables("ORDERS", "tenant_a.customers")
                .hasOnlyTables("customers", "orders");
    }

    @Test
    void should_fail_for_a_distributed_schema_with_a_table_outside_its_shard_group() {
        // GIVEN tenant_a with a plain table besides its single-shard tables
        SchemaMetadata recorded = Recordings.schema(FOLDER, "tenant_a");
        List<TableMetadata> tables = new ArrayList<>(recorded.tables());
        tables.add(TableMetadata.plain("tenant_a.notes", "tenant_a.notes"));
        SchemaAssert tenant = new SchemaAssert(new SchemaMetadata("tenant_a", "tenant_a", SchemaKind.DISTRIBUTED, 3, tables));
        // WHEN / THEN
        assertThatThrownBy(tenant::isDistributedSchema)
                .hasMessageContaining("but table notes of it is not in its shard group");
        assertThatThrownBy(() -> tenant.isPlacedOn("w2"))
                .hasMessageContaining("but table notes of it is not in its shard group, so not placed with it:");
        tenant.hasOnlyTables("orders", "customers", "notes");
    }

    @Test
    void should_fail_for_another_node_or_port() {
        assertThatThrownBy(() -> assertThatRecordedSchema("tenant_a").isPlacedOn("w1"))
                .hasMessageContaining("but it is placed on w2:5432:");
        assertThatThrownBy(() -> assertThatRecordedSchema("tenant_a").isPlacedOn("w2:6432"))
                .hasMessageContaining("but it is placed on w2:5432:");
        assertThatThrownBy(() -> assertThatRecordedSchema("tenant_empty").isPlacedOn("w1"))
                .hasMessageContaining("but it has no table yet, so Citus has not placed it:");
    }

    @Test
    void should_fail_for_missing_and_extra_tables() {
        assertThatThrownBy(() -> assertThatRecordedSchema("tenant_a").hasTables("orders", "invoices", "\"Orders\""))
                .hasMessageContaining("but it has no tables invoices, \"Orders\":");
        assertThatThrownBy(() -> assertThatRecordedSchema("tenant_a").hasOnlyTables("orders"))
                .hasMessageContaining("but it also has table customers:");
        assertThatThrownBy(() -> assertThatRecordedSchema("tenant_empty").hasTables("orders"))
                .hasMessageContaining("but it has no table orders:");
    }

    @Test
    void should_fail_every_check_of_a_missing_schema_naming_it() {
        SchemaAssert missing = new SchemaAssert(SchemaMetadata.missing("tenant_x"));
        assertThatThrownBy(missing::isDistributedSchema)
                .hasMessageContaining("but to_regnamespace('tenant_x') found no schema of that name.");
        assertThatThrownBy(() -> missing.hasTables("orders"))
                .hasMessageContaining("but to_regnamespace('tenant_x') found no schema of that name.");
    }

    @Test
    void should_refuse_a_blank_node_and_no_table_as_misuse() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThatRecordedSchema("tenant_a").isPlacedOn(" "))
                .withMessage("Expecting a node such as \"worker-2\" or \"worker-2:5432\", got a blank one");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThatRecordedSchema("tenant_a").hasTables())
                .withMessage("Expecting at least one table");
    }
}

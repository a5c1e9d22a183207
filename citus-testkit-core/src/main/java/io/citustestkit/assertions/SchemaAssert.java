package io.citustestkit.assertions;

import io.citustestkit.metadata.SchemaMetadata;

/**
 * Assertions on what Citus makes of one schema; see {@link AbstractSchemaAssert}. Made by
 * {@link CitusAssertions#assertThatSchema(javax.sql.DataSource, String)}.
 *
 * <pre>{@code
 * assertThatSchema(dataSource, "tenant_42").isDistributedSchema().hasTables("orders", "customers");
 * }</pre>
 */
public final class SchemaAssert extends AbstractSchemaAssert<SchemaAssert> {

    SchemaAssert(SchemaMetadata actual) {
        super(actual, SchemaAssert.class);
    }
}

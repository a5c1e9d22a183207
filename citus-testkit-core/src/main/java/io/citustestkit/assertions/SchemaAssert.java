package io.citustestkit.assertions;

import io.citustestkit.metadata.SchemaMetadata;
import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Assertions on what Citus makes of one schema; see {@link AbstractSchemaAssert}. Made by
 * {@link CitusAssertions#assertThatSchema(javax.sql.DataSource, String)}.
 *
 * <pre>{@code
 * assertThatSchema(dataSource, "tenant_42").isDistributedSchema().hasTables("orders", "customers");
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class SchemaAssert extends AbstractSchemaAssert<SchemaAssert> {

    SchemaAssert(SchemaMetadata actual) {
        super(actual, SchemaAssert.class);
    }
}

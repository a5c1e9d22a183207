package io.citustestkit.metadata;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * What Citus makes of a PostgreSQL schema, from {@code pg_dist_schema} (schema-based sharding, Citus 12+).
 *
 * <pre>{@code
 * SchemaMetadata tenant = CitusMetadataReader.readSchema(connection, "tenant_42");
 * tenant.kind();  // SchemaKind.DISTRIBUTED
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public enum SchemaKind {

    /**
     * A distributed schema: in {@code pg_dist_schema}, with a colocation group of its own. Every table
     * created in it is a single-shard table of that group, so all its tables live together on one node.
     * Made by {@code CREATE SCHEMA} while {@code citus.enable_schema_based_sharding} is on, or by
     * {@code citus_schema_distribute('name')}.
     */
    DISTRIBUTED("distributed schema"),

    /** A schema that is not in {@code pg_dist_schema}: its tables are distributed (or not) one by one. */
    REGULAR("regular schema"),

    /** No schema of that name: {@code to_regnamespace} found nothing. */
    MISSING("schema");

    private final String description;

    SchemaKind(String description) {
        this.description = description;
    }

    /** {@return how messages name a schema of this kind, e.g. {@code "distributed schema"}} */
    public String description() {
        return description;
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.metadata.SchemaMetadata;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code isDistributedSchema()}: the schema is a regular schema, with its tables
 * described, and how to distribute it; or some of its tables are not in its shard group, and why.
 *
 * <pre>{@code
 * Expecting schema:
 *   billing
 * to be a distributed schema (in pg_dist_schema: every table of it a single-shard table of the schema's
 * colocation group, all on one node)
 * but it is:
 *   regular schema billing (not in pg_dist_schema, 1 table)
 *   plain PostgreSQL table billing.invoices (not in pg_dist_partition: Citus does not manage it)
 * Distribute it with SELECT citus_schema_distribute('billing'), or create it while
 * citus.enable_schema_based_sharding is on.
 * }</pre>
 *
 * <pre>{@code
 * Expecting schema:
 *   tenant_stray
 * to be a distributed schema (...)
 * but table notes of it is not in its shard group (not single-shard tables of colocation group 6):
 *   distributed schema tenant_stray (colocation group 6, 1 table on w1:5432; not in its shard group: notes)
 *   plain PostgreSQL table tenant_stray.notes (not in pg_dist_partition: Citus does not manage it)
 *   table orders of distributed schema tenant_stray (single-shard, colocation group 6, on w1:5432)
 * Citus distributes a table that a top-level CREATE TABLE creates in a distributed schema, not one that
 * dynamic SQL creates (EXECUTE in a function or a DO block).
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldBeDistributedSchema extends CitusMessageFactory {

    private ShouldBeDistributedSchema(String but, SchemaMetadata schema, String fix) {
        super("%nExpecting schema:%n  %s%nto be a distributed schema (in pg_dist_schema: every table of it a single-shard"
                + " table of the schema's colocation group, all on one node)%nbut %s:%n%s%n%s",
                unquoted(schema.requestedName()), unquoted(but), unquoted(SchemaEvidence.described(schema)), unquoted(fix));
    }

    /**
     * The failure for a schema that is not a distributed schema, or one with tables outside its shard group.
     *
     * @param schema the schema's metadata
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeDistributedSchema(SchemaMetadata schema) {
        if (!schema.isDistributed()) {
            return new ShouldBeDistributedSchema("it is", schema, "Distribute it with SELECT citus_schema_distribute("
                    + SchemaEvidence.literal(schema) + "), or create it while citus.enable_schema_based_sharding is on.");
        }
        List<String> outside = schema.tablesOutsideShardGroup().stream().map(schema::nameInSchema).toList();
        return new ShouldBeDistributedSchema(SchemaEvidence.tables(outside) + " of it " + (outside.size() == 1 ? "is" : "are")
                + " not in its shard group (not single-shard tables of colocation group " + schema.colocationId() + ")",
                schema, "Citus distributes a table that a top-level CREATE TABLE creates in a distributed schema, not one"
                        + " that dynamic SQL creates (EXECUTE in a function or a DO block).");
    }
}

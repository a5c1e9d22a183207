package io.citustestkit.assertions.error;

import io.citustestkit.metadata.SchemaMetadata;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code hasTables(..)}: the schema lacks some of the tables, with the schema and
 * the tables it has, described.
 *
 * <pre>{@code
 * Expecting schema:
 *   tenant_a
 * to have tables:
 *   orders, invoices
 * but it has no table invoices:
 *   distributed schema tenant_a (colocation group 3, 2 tables on worker-2:5432)
 *   table customers of distributed schema tenant_a (single-shard, colocation group 3, on worker-2:5432)
 *   table orders of distributed schema tenant_a (single-shard, colocation group 3, on worker-2:5432)
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveTables extends CitusMessageFactory {

    private ShouldHaveTables(SchemaMetadata schema, List<String> expected, List<String> missing) {
        super("%nExpecting schema:%n  %s%nto have tables:%n  %s%nbut it has no %s:%n%s",
                unquoted(schema.requestedName()), unquoted(String.join(", ", expected)),
                unquoted(SchemaEvidence.tables(missing)), unquoted(SchemaEvidence.described(schema)));
    }

    /**
     * The failure for a schema that lacks tables.
     *
     * @param schema the schema's metadata
     * @param expected the tables it should have, as the check was given them
     * @param missing those it lacks
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveTables(SchemaMetadata schema, List<String> expected, List<String> missing) {
        return new ShouldHaveTables(schema, expected, missing);
    }
}

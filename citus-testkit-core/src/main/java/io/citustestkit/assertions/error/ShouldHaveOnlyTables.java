package io.citustestkit.assertions.error;

import io.citustestkit.metadata.SchemaMetadata;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.ArrayList;
import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code hasOnlyTables(..)}: the schema lacks some of the tables, or has others
 * too, with the schema and the tables it has, described.
 *
 * <pre>{@code
 * Expecting schema:
 *   tenant_a
 * to have only tables:
 *   orders
 * but it also has table customers:
 *   distributed schema tenant_a (colocation group 3, 2 tables on worker-2:5432)
 *   table customers of distributed schema tenant_a (single-shard, colocation group 3, on worker-2:5432)
 *   table orders of distributed schema tenant_a (single-shard, colocation group 3, on worker-2:5432)
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveOnlyTables extends CitusMessageFactory {

    private ShouldHaveOnlyTables(SchemaMetadata schema, List<String> expected, String but) {
        super("%nExpecting schema:%n  %s%nto have only tables:%n  %s%nbut %s:%n%s",
                unquoted(schema.requestedName()), unquoted(String.join(", ", expected)), unquoted(but),
                unquoted(SchemaEvidence.described(schema)));
    }

    /**
     * The failure for a schema whose tables are not exactly those.
     *
     * @param schema the schema's metadata
     * @param expected the tables it should have, as the check was given them
     * @param missing those it lacks
     * @param unexpected the tables it has that were not expected, as {@code regclass} names them in the schema
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveOnlyTables(SchemaMetadata schema, List<String> expected,
                                                           List<String> missing, List<String> unexpected) {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("it has no " + SchemaEvidence.tables(missing));
        }
        if (!unexpected.isEmpty()) {
            parts.add((missing.isEmpty() ? "it also has " : "also has ") + SchemaEvidence.tables(unexpected));
        }
        return new ShouldHaveOnlyTables(schema, expected, String.join(" and ", parts));
    }
}

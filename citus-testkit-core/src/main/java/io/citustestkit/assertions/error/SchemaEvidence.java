package io.citustestkit.assertions.error;

import io.citustestkit.metadata.SchemaMetadata;
import io.citustestkit.metadata.TableMetadata;

import java.util.ArrayList;
import java.util.List;

/** What the schema messages share: the schema and each of its tables, described, one a line. */
final class SchemaEvidence {

    private SchemaEvidence() {
    }

    /** The schema's description and its tables', each line indented two spaces. */
    static String described(SchemaMetadata schema) {
        List<String> lines = new ArrayList<>();
        lines.add("  " + schema.describe());
        for (TableMetadata table : schema.tables()) {
            lines.add("  " + table.describe());
        }
        return String.join(Evidence.NL, lines);
    }

    /** The schema's name inside a SQL string literal, e.g. {@code 'tenant_42'}. */
    static String literal(SchemaMetadata schema) {
        return "'" + schema.name().replace("'", "''") + "'";
    }

    /** {@code "table orders"} or {@code "tables orders, invoices"}. */
    static String tables(List<String> names) {
        return (names.size() == 1 ? "table " : "tables ") + String.join(", ", names);
    }
}

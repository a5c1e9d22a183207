package io.citustestkit.assertions.error;

import io.citustestkit.metadata.TableMetadata;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code isDistributedBy(column)}: the table is distributed by another
 * column, or is not a distributed table.
 *
 * <pre>{@code
 * Expecting table:
 *   events
 * to be distributed by column:
 *   tenant_id
 * but it is:
 *   distributed table events (distribution column owner_id bigint, colocation group 2, 32 shards)
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldBeDistributedBy extends CitusMessageFactory {

    private ShouldBeDistributedBy(TableMetadata table, String column) {
        super("%nExpecting table:%n  %s%nto be distributed by column:%n  %s%nbut it is:%n  %s",
                unquoted(table.requestedName()), unquoted(column), unquoted(table.describe()));
    }

    /**
     * The failure for a table not distributed by that column.
     *
     * @param table the table's metadata
     * @param column the expected distribution column
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeDistributedBy(TableMetadata table, String column) {
        return new ShouldBeDistributedBy(table, column);
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.metadata.TableMetadata;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code isReferenceTable()}.
 *
 * <pre>{@code
 * Expecting table:
 *   events
 * to be a reference table (one shard with a copy on every node)
 * but it is:
 *   distributed table events (distribution column owner_id bigint, colocation group 2, 32 shards)
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldBeReferenceTable extends CitusMessageFactory {

    private ShouldBeReferenceTable(TableMetadata table) {
        super("%nExpecting table:%n  %s%nto be a reference table (one shard with a copy on every node)%nbut it is:%n  %s",
                unquoted(table.requestedName()), unquoted(table.describe()));
    }

    /**
     * The failure for a table that is not a reference table.
     *
     * @param table the table's metadata
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeReferenceTable(TableMetadata table) {
        return new ShouldBeReferenceTable(table);
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.metadata.TableMetadata;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code isSingleShardTable()}.
 *
 * <pre>{@code
 * Expecting table:
 *   events
 * to be a single-shard table (distributed without a distribution column: one shard on one node, in a
 * colocation group; every table of a distributed schema is one)
 * but it is:
 *   distributed table events (distribution column owner_id bigint, colocation group 2, 4 shards)
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldBeSingleShardTable extends CitusMessageFactory {

    private ShouldBeSingleShardTable(TableMetadata table) {
        super("%nExpecting table:%n  %s%nto be a single-shard table (distributed without a distribution column: one"
                + " shard on one node, in a colocation group; every table of a distributed schema is one)%nbut it is:%n  %s",
                unquoted(table.requestedName()), unquoted(table.describe()));
    }

    /**
     * The failure for a table that is not a single-shard table.
     *
     * @param table the table's metadata
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeSingleShardTable(TableMetadata table) {
        return new ShouldBeSingleShardTable(table);
    }
}

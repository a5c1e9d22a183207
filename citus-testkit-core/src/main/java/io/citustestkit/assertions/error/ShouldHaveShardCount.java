package io.citustestkit.assertions.error;

import io.citustestkit.metadata.TableMetadata;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code hasShardCount(n)}.
 *
 * <pre>{@code
 * Expecting table:
 *   events
 * to have 4 shards
 * but it has 32:
 *   distributed table events (distribution column owner_id bigint, colocation group 2, 32 shards)
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveShardCount extends CitusMessageFactory {

    private ShouldHaveShardCount(TableMetadata table, int expected) {
        super("%nExpecting table:%n  %s%nto have %s%nbut it has %s:%n  %s",
                unquoted(table.requestedName()), unquoted(expected + (expected == 1 ? " shard" : " shards")),
                table.shardCount(), unquoted(table.describe()));
    }

    /**
     * The failure for a table with another number of shards.
     *
     * @param table the table's metadata
     * @param expected the expected number of shards
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveShardCount(TableMetadata table, int expected) {
        return new ShouldHaveShardCount(table, expected);
    }
}

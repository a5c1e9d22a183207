package io.citustestkit.metadata;

import org.apiguardian.api.API;

import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Why two tables are not colocated, with the first pair of shards (ordered by hash range) that
 * differ, if any.
 *
 * <pre>{@code
 * Colocation.compare(events, products).ifPresent(m -> {
 *     m.reason();         // "events is in colocation group 2, products in colocation group 4"
 *     m.expectedShard();  // events_102040 [-2147483648, -2013265921] on w1:5432
 *     m.actualShard();    // products_102072 [-2147483648, -2013265921] on w2:5432
 * });
 * }</pre>
 *
 * @param expected the table the other is compared with
 * @param actual the table that is not colocated with it
 * @param reason one sentence saying what differs
 * @param position the 1-based position of the first differing shard pair, 0 if no shard pair differs
 * @param expectedShard that shard of {@code expected}, or {@code null} (none, or no shard at that position)
 * @param actualShard that shard of {@code actual}, or {@code null} (none, or no shard at that position)
 */
@API(status = STABLE, since = "0.1")
public record ColocationMismatch(TableMetadata expected, TableMetadata actual, String reason, int position,
                                 Shard expectedShard, Shard actualShard) {

    /**
     * Creates the mismatch; {@code expected}, {@code actual} and {@code reason} must not be {@code null}.
     *
     * @param expected the table the other is compared with
     * @param actual the table that is not colocated with it
     * @param reason one sentence saying what differs
     * @param position the 1-based position of the first differing shard pair, 0 if no shard pair differs
     * @param expectedShard that shard of {@code expected}, or {@code null} (none, or no shard at that position)
     * @param actualShard that shard of {@code actual}, or {@code null} (none, or no shard at that position)
     */
    public ColocationMismatch {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@return whether a pair of shards differs (in range or placement, or one table has fewer shards)} */
    public boolean hasShardDifference() {
        return position > 0;
    }
}

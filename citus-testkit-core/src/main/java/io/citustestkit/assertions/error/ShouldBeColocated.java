package io.citustestkit.assertions.error;

import io.citustestkit.metadata.ColocationMismatch;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.TableMetadata;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code isColocatedWith(..)} and {@code assertColocated(..)}: every table
 * with its colocation group, distribution column and type and shard count, and the first pair of
 * shards (ordered by hash range) whose range or placement differs.
 *
 * <pre>{@code
 * Expecting tables:
 *   events, products
 * to be colocated (same colocation group and, shard by shard, the same hash range on the same nodes)
 * but events is in colocation group 2, products in colocation group 4:
 *   distributed table events (distribution column owner_id bigint, colocation group 2, 32 shards)
 *   distributed table products (distribution column id bigint, colocation group 4, 32 shards)
 * first shard pair that differs (shard 1 of 32, ordered by hash range):
 *   events_102040 [-2147483648, -2013265921] on w1:5432
 *   products_102072 [-2147483648, -2013265921] on w2:5432
 * }</pre>
 *
 * <p>For the tables of two distributed schemas (schema-based sharding), it says why they never are:
 *
 * <pre>{@code
 * but tenant_a.orders is in colocation group 3, tenant_b.orders in colocation group 4:
 *   table orders of distributed schema tenant_a (single-shard, colocation group 3, on w2:5432)
 *   table orders of distributed schema tenant_b (single-shard, colocation group 4, on w1:5432)
 * tables of two distributed schemas are never colocated: each distributed schema is a colocation group of its
 * own, placed on one node, which Citus moves as a whole (citus_schema_move). ...
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldBeColocated extends CitusMessageFactory {

    private ShouldBeColocated(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * The failure for tables that are not colocated.
     *
     * @param tables every table of the check, the first being the one the others are compared with
     * @param mismatch why they are not
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeColocated(List<TableMetadata> tables, ColocationMismatch mismatch) {
        String names = tables.stream().map(TableMetadata::requestedName).collect(Collectors.joining(", "));
        String described = tables.stream().map(t -> "  " + t.describe()).collect(Collectors.joining(Evidence.NL));
        return new ShouldBeColocated("%nExpecting tables:%n  %s%nto be colocated (same colocation group and, shard by"
                + " shard, the same hash range on the same nodes)%nbut %s:%n%s%n%s",
                unquoted(names), unquoted(mismatch.reason()), unquoted(described), unquoted(shardPair(mismatch)));
    }

    private static String shardPair(ColocationMismatch mismatch) {
        TableMetadata expected = mismatch.expected();
        TableMetadata actual = mismatch.actual();
        if (expected.isInDistributedSchema() && actual.isInDistributedSchema()
                && !expected.distributedSchema().equals(actual.distributedSchema())) {
            return "tables of two distributed schemas are never colocated: each distributed schema is a colocation group"
                    + " of its own, placed on one node, which Citus moves as a whole (citus_schema_move). A query joining"
                    + " them is not routed to one node: Citus refuses it or plans it recursively. Keep the tables a query"
                    + " joins in one schema, or make the table every tenant shares a reference table";
        }
        if (!mismatch.hasShardDifference()) {
            return mismatch.expected().exists() && mismatch.actual().exists()
                    && mismatch.expected().shardCount() > 0
                    ? "the shards line up today (same hash ranges on the same nodes), but Citus does not treat tables in different"
                    + " colocation groups as colocated: joins between them are not pushed down, and moving the shards of one does"
                    + " not move the other. Create the table with colocate_with => '<the other table>', or run"
                    + " update_distributed_table_colocation()"
                    : "no shard to compare";
        }
        int count = Math.max(mismatch.expected().shardCount(), mismatch.actual().shardCount());
        return "first shard pair that differs (shard " + mismatch.position() + " of " + count
                + ", ordered by hash range):" + Evidence.NL
                + "  " + shardText(mismatch.expected(), mismatch.expectedShard(), mismatch.position()) + Evidence.NL
                + "  " + shardText(mismatch.actual(), mismatch.actualShard(), mismatch.position());
    }

    private static String shardText(TableMetadata table, Shard shard, int position) {
        return shard == null ? table.name() + ": no shard " + position : shard.toString();
    }
}

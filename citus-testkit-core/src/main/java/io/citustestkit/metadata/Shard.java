package io.citustestkit.metadata;

import org.apiguardian.api.API;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * One shard of a Citus table: its id, hash range and the nodes holding a placement of it, from
 * {@code pg_dist_shard}, {@code pg_dist_placement} and {@code pg_dist_node}.
 *
 * <pre>{@code
 * Shard first = CitusMetadataReader.readTable(connection, "events").shards().get(0);
 * first.name();        // "events_102040"
 * first.hashRange();   // "[-2147483648, -2013265921]"
 * first.placements();  // [w1:5432]
 * }</pre>
 *
 * @param shardId the shard's {@code shardid}
 * @param table the table the shard belongs to, as {@code regclass} prints it
 * @param tableKind the kind of that table
 * @param colocationId the table's colocation group
 * @param minValue {@code shardminvalue}, or {@code null} for reference, Citus local and single-shard tables
 * @param maxValue {@code shardmaxvalue}, or {@code null} for reference, Citus local and single-shard tables
 * @param placements the nodes holding a placement of the shard, sorted
 * @param distributedSchema the distributed schema the table belongs to (schema-based sharding), as
 *                          {@code regnamespace} prints it, or {@code null} if it belongs to none
 */
@API(status = STABLE, since = "0.1")
public record Shard(long shardId, String table, TableKind tableKind, int colocationId,
                    String minValue, String maxValue, List<NodeAddress> placements, String distributedSchema) {

    /** Orders shards by hash range (numerically when the bounds are numbers), then by id. */
    public static final Comparator<Shard> BY_RANGE = Comparator
            .comparing(Shard::minValue, Comparator.nullsFirst(Shard::compareBounds))
            .thenComparingLong(Shard::shardId);

    /**
     * Creates the shard; its placements are sorted and duplicates dropped.
     *
     * @param shardId the shard's {@code shardid}
     * @param table the table the shard belongs to, as {@code regclass} prints it
     * @param tableKind the kind of that table
     * @param colocationId the table's colocation group
     * @param minValue {@code shardminvalue}, or {@code null} for reference, Citus local and single-shard tables
     * @param maxValue {@code shardmaxvalue}, or {@code null} for reference, Citus local and single-shard tables
     * @param placements the nodes holding a placement of the shard, sorted
     * @param distributedSchema the distributed schema the table belongs to, or {@code null}
     */
    public Shard {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(tableKind, "tableKind");
        placements = placements.stream().sorted().distinct().toList();
    }

    /**
     * Creates the shard of a table that belongs to no distributed schema.
     *
     * @param shardId the shard's {@code shardid}
     * @param table the table the shard belongs to, as {@code regclass} prints it
     * @param tableKind the kind of that table
     * @param colocationId the table's colocation group
     * @param minValue {@code shardminvalue}, or {@code null} for reference, Citus local and single-shard tables
     * @param maxValue {@code shardmaxvalue}, or {@code null} for reference, Citus local and single-shard tables
     * @param placements the nodes holding a placement of the shard, sorted
     */
    public Shard(long shardId, String table, TableKind tableKind, int colocationId,
                 String minValue, String maxValue, List<NodeAddress> placements) {
        this(shardId, table, tableKind, colocationId, minValue, maxValue, placements, null);
    }

    /**
     * The same shard, of a table in that distributed schema.
     *
     * @param schema the distributed schema, as {@code regnamespace} prints it, or {@code null}
     * @return the shard
     */
    public Shard inDistributedSchema(String schema) {
        return new Shard(shardId, table, tableKind, colocationId, minValue, maxValue, placements, schema);
    }

    /** {@return the shard's relation name on the workers, e.g. {@code events_102040}} */
    public String name() {
        return table + "_" + shardId;
    }

    /** {@return whether the shard has a hash (or range) interval} */
    public boolean hasRange() {
        return minValue != null && maxValue != null;
    }

    /** {@return the hash range as {@code [min, max]}, or {@code (no range)}} */
    public String hashRange() {
        return hasRange() ? "[" + minValue + ", " + maxValue + "]" : "(no range)";
    }

    /**
     * {@return whether {@code other} covers the same hash range as this shard}
     *
     * @param other the shard to compare with
     */
    public boolean hasSameRangeAs(Shard other) {
        return Objects.equals(minValue, other.minValue) && Objects.equals(maxValue, other.maxValue);
    }

    /**
     * The shard group this shard belongs to: shards of colocated tables with the same hash range
     * always live together on the same node and are joined by one task; the single-shard tables of
     * one colocation group (e.g. the tables of one distributed schema) form one shard group. Any other
     * shard without a range (reference, Citus local) is its own group.
     *
     * @return a key that is equal for the shards of one shard group
     */
    public Object groupKey() {
        if (tableKind == TableKind.SINGLE_SHARD) {
            return List.of(TableKind.SINGLE_SHARD, colocationId);
        }
        return hasRange() && tableKind == TableKind.DISTRIBUTED
                ? List.of(colocationId, minValue, maxValue)
                : List.of(shardId);
    }

    @Override
    public String toString() {
        return name() + " " + hashRange() + " on " + placementsText();
    }

    /** {@return the placements as {@code w1:5432, w2:5432}, or {@code no placement}} */
    public String placementsText() {
        if (placements.isEmpty()) {
            return "no placement";
        }
        StringBuilder text = new StringBuilder();
        for (NodeAddress placement : placements) {
            text.append(text.length() == 0 ? "" : ", ").append(placement);
        }
        return text.toString();
    }

    private static int compareBounds(String left, String right) {
        try {
            return Long.compare(Long.parseLong(left), Long.parseLong(right));
        } catch (NumberFormatException notNumbers) {
            return left.compareTo(right);
        }
    }
}

package io.citustestkit.metadata;

import java.util.List;
import java.util.Objects;

/**
 * What Citus knows about one table: its kind, distribution column, colocation group and shards.
 * Read with {@link CitusMetadataReader}; describes itself for failure messages.
 *
 * <pre>{@code
 * TableMetadata events = CitusMetadataReader.readTable(connection, "events");
 * events.describe();
 * // distributed table events (distribution column owner_id bigint, colocation group 2, 32 shards)
 * }</pre>
 *
 * @param requestedName the name the caller asked for, e.g. {@code "public.events"} or {@code "\"Events\""}
 * @param name the table as {@code regclass} prints it, or the requested name if it does not exist
 * @param kind distributed, reference, Citus local, plain or missing
 * @param distributionColumn the distribution column, or {@code null} if the table has none
 * @param distributionColumnType the distribution column's type as {@code format_type} prints it, or {@code null}
 * @param colocationId the colocation group, 0 if the table is not distributed or referenced
 * @param shards the shards, ordered by hash range
 */
public record TableMetadata(String requestedName, String name, TableKind kind, String distributionColumn,
                            String distributionColumnType, int colocationId, List<Shard> shards) {

    /**
     * Creates the metadata; the shards are ordered by hash range.
     *
     * @param requestedName the name the caller asked for, e.g. {@code "public.events"} or {@code "\"Events\""}
     * @param name the table as {@code regclass} prints it, or the requested name if it does not exist
     * @param kind distributed, reference, Citus local, plain or missing
     * @param distributionColumn the distribution column, or {@code null} if the table has none
     * @param distributionColumnType the distribution column's type as {@code format_type} prints it, or {@code null}
     * @param colocationId the colocation group, 0 if the table is not distributed or referenced
     * @param shards the shards, ordered by hash range
     */
    public TableMetadata {
        Objects.requireNonNull(requestedName, "requestedName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        shards = shards.stream().sorted(Shard.BY_RANGE).toList();
    }

    /**
     * {@return the metadata of a table that does not exist}
     *
     * @param requestedName the name the caller asked for
     */
    public static TableMetadata missing(String requestedName) {
        return new TableMetadata(requestedName, requestedName, TableKind.MISSING, null, null, 0, List.of());
    }

    /**
     * {@return the metadata of a relation Citus does not manage}
     *
     * @param requestedName the name the caller asked for
     * @param name the relation as {@code regclass} prints it
     */
    public static TableMetadata plain(String requestedName, String name) {
        return new TableMetadata(requestedName, name, TableKind.PLAIN, null, null, 0, List.of());
    }

    /** {@return whether the table exists} */
    public boolean exists() {
        return kind != TableKind.MISSING;
    }

    /** {@return the number of shards} */
    public int shardCount() {
        return shards.size();
    }

    /** {@return the distribution column and its type, e.g. {@code owner_id bigint}, or {@code none}} */
    public String distributionColumnText() {
        if (distributionColumn == null) {
            return "none";
        }
        return distributionColumnType == null ? distributionColumn : distributionColumn + " " + distributionColumnType;
    }

    /**
     * The table described for a failure message, e.g.
     * {@code distributed table events (distribution column owner_id bigint, colocation group 2, 32 shards)}.
     *
     * @return the description
     */
    public String describe() {
        return switch (kind) {
            case DISTRIBUTED -> "distributed table " + name + " (distribution column " + distributionColumnText()
                    + ", colocation group " + colocationId + ", " + shardsText() + ")";
            case REFERENCE -> "reference table " + name + " (colocation group " + colocationId + ", "
                    + shardsText() + " on " + nodesText() + ")";
            case CITUS_LOCAL -> "Citus local table " + name + " (" + shardsText() + " on " + nodesText() + ")";
            case PLAIN -> "plain PostgreSQL table " + name + " (not in pg_dist_partition: Citus does not manage it)";
            case MISSING -> "table " + name + " (does not exist: to_regclass('" + requestedName
                    + "') found no relation under the current search_path)";
        };
    }

    @Override
    public String toString() {
        return describe();
    }

    private String shardsText() {
        return shards.size() == 1 ? "1 shard" : shards.size() + " shards";
    }

    private String nodesText() {
        List<NodeAddress> nodes = shards.stream().flatMap(s -> s.placements().stream()).distinct().sorted().toList();
        if (nodes.size() == 1) {
            return nodes.get(0).toString();
        }
        return nodes.size() + " nodes";
    }
}

package io.citustestkit.metadata;

import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * What Citus knows about one table: its kind, distribution column, colocation group and shards, and
 * the distributed schema it belongs to (schema-based sharding). Read with {@link CitusMetadataReader};
 * describes itself for failure messages.
 *
 * <pre>{@code
 * TableMetadata events = CitusMetadataReader.readTable(connection, "events");
 * events.describe();
 * // distributed table events (distribution column owner_id bigint, colocation group 2, 32 shards)
 * CitusMetadataReader.readTable(connection, "tenant_42.orders").describe();
 * // table orders of distributed schema tenant_42 (single-shard, colocation group 7, on worker-2:5432)
 * }</pre>
 *
 * @param requestedName the name the caller asked for, e.g. {@code "public.events"} or {@code "\"Events\""}
 * @param name the table as {@code regclass} prints it, or the requested name if it does not exist
 * @param kind distributed, single-shard, reference, Citus local, plain or missing
 * @param distributionColumn the distribution column, or {@code null} if the table has none
 * @param distributionColumnType the distribution column's type as {@code format_type} prints it, or {@code null}
 * @param colocationId the colocation group, 0 if the table is not distributed or referenced
 * @param shards the shards, ordered by hash range
 * @param distributedSchema the distributed schema the table belongs to, as {@code regnamespace} prints it
 *                          (e.g. {@code tenant_42}), or {@code null} if it belongs to none
 */
@API(status = STABLE, since = "0.1")
public record TableMetadata(String requestedName, String name, TableKind kind, String distributionColumn,
                            String distributionColumnType, int colocationId, List<Shard> shards,
                            String distributedSchema) {

    /**
     * Creates the metadata; the shards are ordered by hash range.
     *
     * @param requestedName the name the caller asked for, e.g. {@code "public.events"} or {@code "\"Events\""}
     * @param name the table as {@code regclass} prints it, or the requested name if it does not exist
     * @param kind distributed, single-shard, reference, Citus local, plain or missing
     * @param distributionColumn the distribution column, or {@code null} if the table has none
     * @param distributionColumnType the distribution column's type as {@code format_type} prints it, or {@code null}
     * @param colocationId the colocation group, 0 if the table is not distributed or referenced
     * @param shards the shards, ordered by hash range
     * @param distributedSchema the distributed schema the table belongs to, or {@code null}
     */
    public TableMetadata {
        Objects.requireNonNull(requestedName, "requestedName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        shards = shards.stream().sorted(Shard.BY_RANGE).toList();
    }

    /**
     * Creates the metadata of a table that belongs to no distributed schema; the shards are ordered
     * by hash range.
     *
     * @param requestedName the name the caller asked for, e.g. {@code "public.events"} or {@code "\"Events\""}
     * @param name the table as {@code regclass} prints it, or the requested name if it does not exist
     * @param kind distributed, single-shard, reference, Citus local, plain or missing
     * @param distributionColumn the distribution column, or {@code null} if the table has none
     * @param distributionColumnType the distribution column's type as {@code format_type} prints it, or {@code null}
     * @param colocationId the colocation group, 0 if the table is not distributed or referenced
     * @param shards the shards, ordered by hash range
     */
    public TableMetadata(String requestedName, String name, TableKind kind, String distributionColumn,
                         String distributionColumnType, int colocationId, List<Shard> shards) {
        this(requestedName, name, kind, distributionColumn, distributionColumnType, colocationId, shards, null);
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

    /** {@return whether the table belongs to a distributed schema (schema-based sharding)} */
    public boolean isInDistributedSchema() {
        return distributedSchema != null;
    }

    /** {@return the number of shards} */
    public int shardCount() {
        return shards.size();
    }

    /** {@return the nodes holding a placement of one of its shards, sorted, without duplicates} */
    public List<NodeAddress> nodes() {
        return shards.stream().flatMap(s -> s.placements().stream()).distinct().sorted().toList();
    }

    /**
     * The table's own name, without its schema and unquoted, as {@code pg_class.relname} holds it:
     * {@code orders} for {@code tenant_42.orders}, {@code Odd} for {@code app."Odd"}.
     *
     * @return the name
     */
    public String relationName() {
        List<String> identifiers = SqlLexer.tokenize(name).stream().map(SqlToken::identifier)
                .filter(Objects::nonNull).toList();
        return identifiers.isEmpty() ? name : identifiers.get(identifiers.size() - 1);
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
     * {@code distributed table events (distribution column owner_id bigint, colocation group 2, 32 shards)}
     * or {@code table orders of distributed schema tenant_42 (single-shard, colocation group 7, on worker-2:5432)}.
     *
     * @return the description
     */
    public String describe() {
        return switch (kind) {
            case DISTRIBUTED -> "distributed table " + name + " (distribution column " + distributionColumnText()
                    + ", colocation group " + colocationId + ", " + shardsText() + ")";
            case SINGLE_SHARD -> isInDistributedSchema()
                    ? "table " + nameInSchema() + " of distributed schema " + distributedSchema
                    + " (single-shard, colocation group " + colocationId + ", on " + nodesText() + ")"
                    : "single-shard distributed table " + name + " (no distribution column, colocation group "
                    + colocationId + ", on " + nodesText() + ")";
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

    /** The name as {@code regclass} prints it, without the distributed schema it is qualified with. */
    private String nameInSchema() {
        String prefix = distributedSchema + ".";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private String shardsText() {
        return shards.size() == 1 ? "1 shard" : shards.size() + " shards";
    }

    private String nodesText() {
        List<NodeAddress> nodes = nodes();
        if (nodes.size() == 1) {
            return nodes.get(0).toString();
        }
        return nodes.size() + " nodes";
    }
}

package io.citustestkit.metadata;

import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * What Citus knows about one PostgreSQL schema: whether it is a distributed schema (schema-based
 * sharding), its colocation group, and its tables with their metadata, hence where its shard group is
 * placed. Read with {@link CitusMetadataReader#readSchema}; describes itself for failure messages.
 *
 * <pre>{@code
 * SchemaMetadata tenant = CitusMetadataReader.readSchema(connection, "tenant_42");
 * tenant.isDistributed();  // true
 * tenant.nodes();          // [worker-2:5432]
 * tenant.table("orders");  // Optional[table orders of distributed schema tenant_42 (single-shard, ...)]
 * tenant.describe();       // distributed schema tenant_42 (colocation group 7, 2 tables on worker-2:5432)
 * }</pre>
 *
 * @param requestedName the name the caller asked for, e.g. {@code tenant_42} or {@code "Tenant"}
 * @param name the schema as {@code regnamespace} prints it, or the requested name if it does not exist
 * @param kind distributed, regular or missing
 * @param colocationId the colocation group of a distributed schema, 0 for other schemas
 * @param tables the schema's tables (partitions left out: they belong to their parent), by name
 */
@API(status = STABLE, since = "0.1")
public record SchemaMetadata(String requestedName, String name, SchemaKind kind, int colocationId,
                             List<TableMetadata> tables) {

    /**
     * Creates the metadata from a copy of the tables.
     *
     * @param requestedName the name the caller asked for, e.g. {@code tenant_42} or {@code "Tenant"}
     * @param name the schema as {@code regnamespace} prints it, or the requested name if it does not exist
     * @param kind distributed, regular or missing
     * @param colocationId the colocation group of a distributed schema, 0 for other schemas
     * @param tables the schema's tables (partitions left out: they belong to their parent), by name
     */
    public SchemaMetadata {
        Objects.requireNonNull(requestedName, "requestedName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        tables = List.copyOf(tables);
    }

    /**
     * {@return the metadata of a schema that does not exist}
     *
     * @param requestedName the name the caller asked for
     */
    public static SchemaMetadata missing(String requestedName) {
        return new SchemaMetadata(requestedName, requestedName, SchemaKind.MISSING, 0, List.of());
    }

    /** {@return whether the schema exists} */
    public boolean exists() {
        return kind != SchemaKind.MISSING;
    }

    /** {@return whether it is a distributed schema} */
    public boolean isDistributed() {
        return kind == SchemaKind.DISTRIBUTED;
    }

    /**
     * The nodes holding a placement of one of its tables' shards, sorted: for a distributed schema,
     * where its shard group is placed (one node; none while it has no table).
     *
     * @return the nodes, without duplicates
     */
    public List<NodeAddress> nodes() {
        return tables.stream().flatMap(t -> t.nodes().stream()).distinct().sorted().toList();
    }

    /**
     * The tables of a distributed schema that are not single-shard tables of its colocation group, so
     * do not live with the others: e.g. a table that dynamic SQL ({@code EXECUTE} in a function or a
     * {@code DO} block) created in the schema, which Citus leaves a plain table on the coordinator.
     * Empty for other schemas.
     *
     * @return those tables, by name
     */
    public List<TableMetadata> tablesOutsideShardGroup() {
        if (!isDistributed()) {
            return List.of();
        }
        return tables.stream()
                .filter(t -> t.kind() != TableKind.SINGLE_SHARD || t.colocationId() != colocationId)
                .toList();
    }

    /**
     * The table with that name, as SQL names it inside the schema: {@code orders}, {@code "Orders"}
     * (quoted: exact), or qualified with this schema ({@code tenant_42.orders}).
     *
     * @param table the table's name
     * @return its metadata, or empty if the schema has no such table
     */
    public Optional<TableMetadata> table(String table) {
        Objects.requireNonNull(table, "table");
        List<String> parts = identifiers(table);
        if (parts.isEmpty() || parts.size() > 2) {
            return Optional.empty();
        }
        if (parts.size() == 2 && !parts.get(0).equals(ownName())) {
            return Optional.empty();
        }
        String relation = parts.get(parts.size() - 1);
        return tables.stream().filter(t -> t.relationName().equals(relation)).findFirst();
    }

    /**
     * The schema described for a failure message, e.g.
     * {@code distributed schema tenant_42 (colocation group 7, 2 tables on worker-2:5432)}.
     *
     * @return the description
     */
    public String describe() {
        return switch (kind) {
            case DISTRIBUTED -> "distributed schema " + name + " (colocation group " + colocationId + ", "
                    + (tables.isEmpty()
                    ? "no table yet: Citus places its shard group when its first table is created"
                    : shardGroupText()) + ")";
            case REGULAR -> "regular schema " + name + " (not in pg_dist_schema, " + tablesText() + ")";
            case MISSING -> "schema " + name + " (does not exist: to_regnamespace('" + requestedName
                    + "') found no schema)";
        };
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * The name of a table of this schema as SQL names it inside the schema: as {@code regclass} prints
     * it, without the schema ({@code orders}, {@code "Odd"}).
     *
     * @param table one of {@link #tables()}
     * @return its name
     */
    public String nameInSchema(TableMetadata table) {
        String prefix = name + ".";
        return table.name().startsWith(prefix) ? table.name().substring(prefix.length()) : table.name();
    }

    private String ownName() {
        List<String> parts = identifiers(name);
        return parts.isEmpty() ? name : parts.get(0);
    }

    private String shardGroupText() {
        List<TableMetadata> outside = tablesOutsideShardGroup();
        int inside = tables.size() - outside.size();
        String text = inside == 0 ? "no table in its shard group" : count(inside) + " on " + nodesText();
        if (!outside.isEmpty()) {
            text += "; not in its shard group: " + outside.stream().map(this::nameInSchema).collect(Collectors.joining(", "));
        }
        return text;
    }

    private static String count(int tables) {
        return tables == 1 ? "1 table" : tables + " tables";
    }

    private String tablesText() {
        return tables.isEmpty() ? "no table" : tables.size() == 1 ? "1 table" : tables.size() + " tables";
    }

    private String nodesText() {
        List<NodeAddress> nodes = nodes();
        if (nodes.isEmpty()) {
            return "no node";
        }
        if (nodes.size() == 1) {
            return nodes.get(0).toString();
        }
        return nodes.size() + " nodes: " + nodes.stream().map(NodeAddress::toString).collect(Collectors.joining(", "));
    }

    private static List<String> identifiers(String sqlName) {
        List<SqlToken> tokens = SqlLexer.tokenize(sqlName).stream().filter(t -> !t.isTrivia()).toList();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            boolean separator = i % 2 == 1;
            if (separator ? !token.text().equals(".") : token.identifier() == null) {
                return List.of();
            }
            if (!separator) {
                parts.add(token.identifier());
            }
        }
        return tokens.size() % 2 == 0 ? List.of() : parts;
    }
}

package io.citustestkit.metadata;

import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.commons.KitSql;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Reads what Citus knows about tables, shards and schemas from {@code pg_dist_partition},
 * {@code pg_dist_shard}, {@code pg_dist_placement}, {@code pg_dist_node} and {@code pg_dist_schema},
 * in one round trip per call, plus one to {@code pg_dist_schema} when single-shard tables are among
 * the results (to tell which distributed schema they belong to: Citus 11 and older have no
 * {@code pg_dist_schema}, and no single-shard tables). It never uses {@code citus_shards},
 * {@code citus_tables} or {@code citus_schemas}: those ask every worker for sizes. Nothing is cached,
 * so a read after DDL or a shard move sees the new state.
 *
 * <pre>{@code
 * try (Connection connection = dataSource.getConnection()) {
 *     TableMetadata events = CitusMetadataReader.readTable(connection, "public.events");
 *     events.kind();                // DISTRIBUTED
 *     events.distributionColumn();  // "owner_id"
 *     events.colocationId();        // 2
 *     events.shards().get(0);       // events_102040 [-2147483648, -2013265921] on w1:5432
 *
 *     SchemaMetadata tenant = CitusMetadataReader.readSchema(connection, "tenant_42");
 *     tenant.kind();                // DISTRIBUTED
 *     tenant.nodes();               // [w2:5432]
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class CitusMetadataReader {

    private static final String TABLES_SQL = KitSql.MARKER + """
             SELECT r.ord, c.oid IS NOT NULL AS found, c.oid::text AS name,
                   p.partmethod, p.repmodel, p.colocationid, dc.attname AS column_name, dc.typ AS column_type,
                   s.shardid, s.shardminvalue, s.shardmaxvalue, n.nodename, n.nodeport
            FROM unnest(?::text[]) WITH ORDINALITY AS r(requested, ord)
            CROSS JOIN LATERAL (SELECT pg_catalog.to_regclass(r.requested) AS oid) c
            LEFT JOIN pg_catalog.pg_dist_partition p ON p.logicalrelid = c.oid
            LEFT JOIN LATERAL (
                SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS typ
                FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = p.logicalrelid
                  AND a.attname = CASE WHEN p.partkey IS NOT NULL AND p.partkey <> ''
                                       THEN column_to_column_name(p.logicalrelid, p.partkey) END
            ) dc ON true
            LEFT JOIN pg_catalog.pg_dist_shard s ON s.logicalrelid = p.logicalrelid
            LEFT JOIN pg_catalog.pg_dist_placement pl ON pl.shardid = s.shardid
            LEFT JOIN pg_catalog.pg_dist_node n ON n.groupid = pl.groupid AND n.noderole = 'primary'
            ORDER BY r.ord, s.shardid, n.nodename, n.nodeport""";

    private static final String SHARDS_SQL = KitSql.MARKER + """
             SELECT 's' AS row_kind, s.shardid, s.logicalrelid::text AS table_name, p.partmethod, p.repmodel,
                   p.colocationid, s.shardminvalue, s.shardmaxvalue,
                   NULL::int AS nodeid, NULL::int AS groupid, n.nodename, n.nodeport
            FROM pg_catalog.pg_dist_shard s
            JOIN pg_catalog.pg_dist_partition p ON p.logicalrelid = s.logicalrelid
            LEFT JOIN pg_catalog.pg_dist_placement pl ON pl.shardid = s.shardid
            LEFT JOIN pg_catalog.pg_dist_node n ON n.groupid = pl.groupid AND n.noderole = 'primary'
            WHERE s.shardid = ANY (?::bigint[])
            UNION ALL
            SELECT 'n', NULL, NULL, NULL, NULL, NULL, NULL, NULL, n.nodeid, n.groupid, n.nodename, n.nodeport
            FROM pg_catalog.pg_dist_node n
            WHERE n.noderole = 'primary'""";

    /** The distributed schema of each colocation group asked for (schema-based sharding, Citus 12+). */
    private static final String DISTRIBUTED_SCHEMAS_SQL = KitSql.MARKER + """
             SELECT ds.colocationid, ds.schemaid::regnamespace::text AS schema_name
            FROM pg_catalog.pg_dist_schema ds
            WHERE ds.colocationid = ANY (?::int[])""";

    /**
     * A schema, whether it is distributed, and its tables (no partitions: they belong to their parent;
     * no shards: on a node that holds shards, Citus keeps them next to the tables).
     */
    private static final String SCHEMA_SQL = KitSql.MARKER + """
             SELECT n.oid IS NOT NULL AS found, n.oid::regnamespace::text AS name, ds.colocationid,
                   ARRAY(SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
                         FROM pg_catalog.pg_class c
                         WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                           AND NOT pg_catalog.relation_is_a_known_shard(c.oid)
                         ORDER BY c.relname) AS tables
            FROM (SELECT pg_catalog.to_regnamespace(?) AS oid) r
            LEFT JOIN pg_catalog.pg_namespace n ON n.oid = r.oid
            LEFT JOIN pg_catalog.pg_dist_schema ds ON ds.schemaid = n.oid""";

    private CitusMetadataReader() {
    }

    /**
     * Reads one table's metadata.
     *
     * @param connection a connection to a Citus coordinator (it is not closed)
     * @param table the table, as SQL would name it: {@code events}, {@code app.events}, {@code "Events"}
     * @return the table's metadata; {@link TableKind#MISSING} if no such relation exists
     * @throws CitusNotInstalledException if the database has no citus extension
     * @throws CitusTestkitException if the catalogs cannot be read (e.g. a malformed name)
     */
    public static TableMetadata readTable(Connection connection, String table) {
        return readTables(connection, List.of(table)).get(0);
    }

    /**
     * Reads one table's metadata on a connection of its own.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param table the table, as SQL would name it
     * @return its metadata
     * @see #readTable(Connection, String)
     */
    public static TableMetadata readTable(DataSource dataSource, String table) {
        return readTables(dataSource, List.of(table)).get(0);
    }

    /**
     * Reads the metadata of several tables in one round trip.
     *
     * @param connection a connection to a Citus coordinator (it is not closed)
     * @param tables the tables, as SQL would name them
     * @return their metadata, in the same order
     * @throws CitusNotInstalledException if the database has no citus extension
     * @throws CitusTestkitException if the catalogs cannot be read (e.g. a malformed name)
     */
    public static List<TableMetadata> readTables(Connection connection, List<String> tables) {
        Objects.requireNonNull(connection, "connection");
        tables.forEach(t -> Objects.requireNonNull(t, "table name"));
        Map<Integer, TableRows> byPosition;
        try (PreparedStatement statement = connection.prepareStatement(TABLES_SQL)) {
            statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                byPosition = tableRowsFrom(rows);
            }
        } catch (SQLException e) {
            throw failure(connection, "the Citus metadata of " + tables, e);
        }
        Map<Integer, String> schemas = distributedSchemas(connection, byPosition.values().stream()
                .filter(TableRows::isSingleShard).map(t -> t.colocationId).toList());
        List<TableMetadata> metadata = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            TableRows table = byPosition.get(i + 1);
            metadata.add(table == null ? TableMetadata.missing(tables.get(i)) : table.toMetadata(tables.get(i), schemas));
        }
        return metadata;
    }

    /**
     * Reads the metadata of several tables in one round trip, on a connection of its own.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param tables the tables, as SQL would name them
     * @return their metadata, in the same order
     * @see #readTables(Connection, List)
     */
    public static List<TableMetadata> readTables(DataSource dataSource, List<String> tables) {
        try (Connection connection = dataSource.getConnection()) {
            return readTables(connection, tables);
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not get a connection from " + dataSource
                    + " to read the Citus metadata of " + tables + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the shards with those ids and the cluster's primary nodes, in one round trip (two when
     * single-shard tables' shards are among them, to name their distributed schemas).
     *
     * @param connection a connection to a Citus coordinator (it is not closed)
     * @param shardIds the shard ids, e.g. those a plan's tasks read
     * @return the shards that exist and all primary nodes
     * @throws CitusNotInstalledException if the database has no citus extension
     */
    public static ShardCatalog readShardCatalog(Connection connection, Collection<Long> shardIds) {
        Objects.requireNonNull(connection, "connection");
        Map<Long, ShardRows> shards = new LinkedHashMap<>();
        List<ClusterNode> nodes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SHARDS_SQL)) {
            statement.setArray(1, connection.createArrayOf("bigint", shardIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                catalogFrom(rows, shards, nodes);
            }
        } catch (SQLException e) {
            throw failure(connection, "the Citus metadata of shards " + shardIds, e);
        }
        Map<Integer, String> schemas = distributedSchemas(connection, shards.values().stream()
                .filter(s -> s.kind == TableKind.SINGLE_SHARD).map(s -> s.colocationId).toList());
        Map<Long, Shard> byId = new HashMap<>();
        shards.forEach((id, shard) -> byId.put(id, shard.toShard(schemas)));
        return new ShardCatalog(byId, nodes);
    }

    /**
     * Reads what Citus makes of a schema: whether it is a distributed schema (schema-based sharding),
     * its colocation group, and the metadata of its tables, hence where its shard group is placed.
     * Two round trips (three when it holds single-shard tables).
     *
     * @param connection a connection to a Citus coordinator (it is not closed)
     * @param schema the schema, as SQL would name it: {@code tenant_42}, {@code "Tenant"}
     * @return the schema's metadata; {@link SchemaKind#MISSING} if no such schema exists
     * @throws CitusNotInstalledException if the database has no citus extension
     * @throws CitusTestkitException if the catalogs cannot be read (e.g. a Citus older than 12.0, which
     *                               has no schema-based sharding)
     */
    public static SchemaMetadata readSchema(Connection connection, String schema) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schema, "schema");
        String name;
        int colocationId;
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SCHEMA_SQL)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (!rows.getBoolean("found")) {
                    return SchemaMetadata.missing(schema);
                }
                name = rows.getString("name");
                colocationId = rows.getInt("colocationid");
                for (Object table : (Object[]) rows.getArray("tables").getArray()) {
                    tables.add((String) table);
                }
            }
        } catch (SQLException e) {
            throw failure(connection, "the Citus metadata of schema " + schema, e);
        }
        SchemaKind kind = colocationId == 0 ? SchemaKind.REGULAR : SchemaKind.DISTRIBUTED;
        return new SchemaMetadata(schema, name, kind, colocationId,
                tables.isEmpty() ? List.of() : readTables(connection, tables));
    }

    /**
     * Reads what Citus makes of a schema on a connection of its own.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param schema the schema, as SQL would name it
     * @return its metadata
     * @see #readSchema(Connection, String)
     */
    public static SchemaMetadata readSchema(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection()) {
            return readSchema(connection, schema);
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not get a connection from " + dataSource
                    + " to read the Citus metadata of schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static Map<Integer, TableRows> tableRowsFrom(ResultSet rows) throws SQLException {
        Map<Integer, TableRows> byPosition = new LinkedHashMap<>();
        while (rows.next()) {
            int position = rows.getInt("ord");
            TableRows table = byPosition.computeIfAbsent(position, p -> new TableRows());
            table.add(rows);
        }
        return byPosition;
    }

    private static void catalogFrom(ResultSet rows, Map<Long, ShardRows> shards, List<ClusterNode> nodes)
            throws SQLException {
        while (rows.next()) {
            if ("n".equals(rows.getString("row_kind"))) {
                nodes.add(new ClusterNode(rows.getInt("nodeid"), rows.getInt("groupid"),
                        new NodeAddress(rows.getString("nodename"), rows.getInt("nodeport"))));
                continue;
            }
            long shardId = rows.getLong("shardid");
            ShardRows shard = shards.computeIfAbsent(shardId, id -> new ShardRows());
            shard.add(rows, rows.getString("table_name"));
        }
    }

    /**
     * The distributed schema of each of those colocation groups that belongs to one, read only when
     * there are single-shard tables (and so a {@code pg_dist_schema}).
     */
    private static Map<Integer, String> distributedSchemas(Connection connection, Collection<Integer> colocationIds) {
        if (colocationIds.isEmpty()) {
            return Map.of();
        }
        Map<Integer, String> schemas = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(DISTRIBUTED_SCHEMAS_SQL)) {
            statement.setArray(1, connection.createArrayOf("int4", colocationIds.stream().distinct().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    schemas.put(rows.getInt("colocationid"), rows.getString("schema_name"));
                }
            }
        } catch (SQLException e) {
            throw failure(connection, "the distributed schemas of colocation groups " + colocationIds, e);
        }
        return schemas;
    }

    private static CitusTestkitException failure(Connection connection, String what, SQLException e) {
        boolean missingCatalog = "42P01".equals(e.getSQLState()) || "42883".equals(e.getSQLState());
        if (missingCatalog && !CitusNotInstalledException.isInstalled(connection)) {
            return CitusNotInstalledException.of(connection, e);
        }
        String olderCitus = missingCatalog && String.valueOf(e.getMessage()).contains("pg_dist_schema")
                ? " (pg_dist_schema, the catalog of distributed schemas, came with schema-based sharding in Citus 12.0)"
                : "";
        return new CitusTestkitException("Could not read " + what + " in "
                + CitusNotInstalledException.describe(connection) + ": " + e.getMessage() + olderCitus, e);
    }

    /** The rows of one requested table: one per shard placement, or one if it has no shards. */
    private static final class TableRows {
        private boolean found;
        private String name;
        private String partitionMethod;
        private String replicationModel;
        private int colocationId;
        private String column;
        private String columnType;
        private final Map<Long, ShardRows> shards = new LinkedHashMap<>();

        void add(ResultSet row) throws SQLException {
            found = row.getBoolean("found");
            name = row.getString("name");
            partitionMethod = row.getString("partmethod");
            replicationModel = row.getString("repmodel");
            colocationId = row.getInt("colocationid");
            column = row.getString("column_name");
            columnType = row.getString("column_type");
            long shardId = row.getLong("shardid");
            if (!row.wasNull()) {
                shards.computeIfAbsent(shardId, id -> new ShardRows()).add(row, name);
            }
        }

        boolean isSingleShard() {
            return partitionMethod != null
                    && TableKind.fromCatalog(partitionMethod, replicationModel, colocationId) == TableKind.SINGLE_SHARD;
        }

        TableMetadata toMetadata(String requested, Map<Integer, String> schemas) {
            if (!found) {
                return TableMetadata.missing(requested);
            }
            if (partitionMethod == null) {
                return TableMetadata.plain(requested, name);
            }
            TableKind kind = TableKind.fromCatalog(partitionMethod, replicationModel, colocationId);
            List<Shard> list = shards.values().stream().map(s -> s.toShard(schemas)).toList();
            String schema = kind == TableKind.SINGLE_SHARD ? schemas.get(colocationId) : null;
            return new TableMetadata(requested, name, kind, column, columnType, colocationId, list, schema);
        }
    }

    /** The rows of one shard: one per placement. */
    private static final class ShardRows {
        private long shardId;
        private String table;
        private TableKind kind;
        private int colocationId;
        private String min;
        private String max;
        private final List<NodeAddress> placements = new ArrayList<>();

        void add(ResultSet row, String tableName) throws SQLException {
            shardId = row.getLong("shardid");
            table = tableName;
            colocationId = row.getInt("colocationid");
            kind = TableKind.fromCatalog(row.getString("partmethod"), row.getString("repmodel"), colocationId);
            min = row.getString("shardminvalue");
            max = row.getString("shardmaxvalue");
            String node = row.getString("nodename");
            if (node != null) {
                placements.add(new NodeAddress(node, row.getInt("nodeport")));
            }
        }

        Shard toShard(Map<Integer, String> schemas) {
            String schema = kind == TableKind.SINGLE_SHARD ? schemas.get(colocationId) : null;
            return new Shard(shardId, table, kind, colocationId, min, max, placements, schema);
        }
    }
}

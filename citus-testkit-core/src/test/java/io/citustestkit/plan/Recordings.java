package io.citustestkit.plan;

import io.citustestkit.metadata.ClusterNode;
import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.SchemaKind;
import io.citustestkit.metadata.SchemaMetadata;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.ShardCatalog;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.metadata.TableMetadata;
import io.citustestkit.sql.ServerError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real EXPLAIN outputs and metadata recorded from Citus 14.0.1 and 12.1.12 clusters, in
 * {@code src/test/resources/citus-explain}: the plans, the queries they are of, and a
 * {@link ShardCatalog} rebuilt from the recorded {@code citus_shards} and {@code pg_dist_node} (hash
 * ranges computed the way {@code create_distributed_table} assigns them, or read from the recorded
 * {@code pg_dist_shard} rows where there are some). A version folder holds {@code EXPLAIN (FORMAT JSON)}
 * outputs (copied from {@code shared/citus-explain}); its {@code verbose/} folder holds
 * {@code EXPLAIN (FORMAT JSON, VERBOSE)} outputs, what {@link ExplainRunner} reads, of a cluster with
 * the tables of {@code schema-router-planner.sql} too.
 */
public final class Recordings {

    public static final String CITUS_14 = "citus-14.0.1-pg17";
    public static final String CITUS_12 = "citus-12.1.12-pg15";
    public static final List<String> VERSIONS = List.of(CITUS_14, CITUS_12);

    /** The {@code EXPLAIN (FORMAT JSON, VERBOSE)} recordings of a version. */
    public static String verbose(String version) {
        return version + "/verbose";
    }

    /** The {@code EXPLAIN (FORMAT JSON, VERBOSE)} recordings of every version. */
    public static final List<String> VERBOSE_VERSIONS = VERSIONS.stream().map(Recordings::verbose).toList();

    /**
     * The schema-based sharding recordings of a version ({@code EXPLAIN (FORMAT JSON, VERBOSE)}): a fresh
     * cluster with {@code schema-based-sharding.sql}, the queries of {@code schema-based-queries.txt}.
     */
    public static String schemaBased(String version) {
        return version + "/schema-based";
    }

    /** The schema-based sharding recordings of every version. */
    public static final List<String> SCHEMA_BASED_VERSIONS = VERSIONS.stream().map(Recordings::schemaBased).toList();

    /** The query of {@code cross_tenant_join_repartition}: {@code cross_tenant_join} with citus.enable_repartition_joins on. */
    public static final String CROSS_TENANT_JOIN_REPARTITION = "cross_tenant_join_repartition";

    /** The query of {@code repartition_join}: the non-colocated join, with citus.enable_repartition_joins on. */
    public static final String REPARTITION_JOIN = "repartition_join";

    /**
     * The query of {@code contradiction_zero_tasks_round_robin}: {@code contradiction_zero_tasks} with
     * {@code citus.task_assignment_policy = 'round-robin'}, so that Citus runs its placeholder task on a
     * worker, not on the coordinator (verbose recordings only).
     */
    public static final String CONTRADICTION_ROUND_ROBIN = "contradiction_zero_tasks_round_robin";

    private static final long HASH_TOKEN_COUNT = 1L << 32;
    private static final Map<String, ShardCatalog> CATALOGS = new HashMap<>();

    private Recordings() {
    }

    /** A recorded file's text, e.g. {@code citus-14.0.1-pg17/verbose/router_select.json}. */
    public static String read(String path) {
        try (InputStream in = Recordings.class.getResourceAsStream("/citus-explain/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No recording citus-explain/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The recorded EXPLAIN output: all tasks listed ({@code NAME.json}) or Citus's default ({@code NAME.default.json}).
     *
     * @param version a version folder, or its {@link #verbose} folder
     */
    public static String explainOutput(String version, String name, boolean allTasks) {
        return read(version + "/" + name + (allTasks ? ".json" : ".default.json"));
    }

    /** Whether a recording holds a server error instead of a plan. */
    public static boolean isServerError(String version, String name, boolean allTasks) {
        return explainOutput(version, name, allTasks).startsWith("ERROR");
    }

    /** The recorded queries by name, from {@code queries.txt}, plus {@link #REPARTITION_JOIN}. */
    public static Map<String, String> queries() {
        Map<String, String> queries = namedLines(read("queries.txt"));
        queries.put(REPARTITION_JOIN, queries.get("non_colocated_join_no_repartition"));
        queries.put(CONTRADICTION_ROUND_ROBIN, queries.get("contradiction_zero_tasks"));
        return queries;
    }

    /** The recorded query with that name. */
    public static SqlQuery query(String name) {
        return SqlQuery.of(queries().get(name));
    }

    /** The schema-based sharding queries by name, from {@code schema-based-queries.txt}, plus {@link #CROSS_TENANT_JOIN_REPARTITION}. */
    public static Map<String, String> schemaBasedQueries() {
        Map<String, String> queries = namedLines(read("schema-based-queries.txt"));
        queries.put(CROSS_TENANT_JOIN_REPARTITION, queries.get("cross_tenant_join"));
        return queries;
    }

    /** The queries recorded in a folder: {@link #schemaBasedQueries()} in a {@link #schemaBased} folder, else {@link #queries()}. */
    public static Map<String, String> queriesOf(String folder) {
        return folder.endsWith("/schema-based") ? schemaBasedQueries() : queries();
    }

    /** The plan of a recorded query, classified with the recorded cluster's catalog. */
    public static DistributedPlan plan(String version, String name, boolean allTasks) {
        return DistributedPlan.of(SqlQuery.of(queriesOf(version).get(name)),
                PlanParser.parse(explainOutput(version, name, allTasks)), catalog(version));
    }

    /** The plan of a schema-based sharding query (all tasks listed) on Citus 14. */
    public static DistributedPlan schemaBasedPlan(String name) {
        return plan(schemaBased(CITUS_14), name, true);
    }

    /** The plan of a recorded query (all tasks listed) on Citus 14. */
    public static DistributedPlan plan(String name) {
        return plan(CITUS_14, name, true);
    }

    private static Map<String, String> namedLines(String text) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                queries.put(line.substring(0, bar), line.substring(bar + 1).strip());
            }
        }
        return queries;
    }

    /** The recorded server error of a query, as the driver would report it (position in the query). */
    public static ServerError serverError(String version, String name) {
        String sql = queriesOf(version).get(name);
        String message = null;
        String hint = null;
        String excerpt = null;
        int position = 0;
        String[] lines = explainOutput(version, name, true).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("ERROR:")) {
                message = line.substring("ERROR:".length()).strip();
            } else if (line.startsWith("HINT:")) {
                hint = line.substring("HINT:".length()).strip();
            } else if (line.startsWith("LINE ")) {
                excerpt = line;
                int caret = lines[i + 1].indexOf('^');
                String text = line.substring(line.indexOf(':') + 2);
                int start = text.startsWith("...") ? 3 : 0;
                String core = text.substring(start, text.endsWith("...") ? text.length() - 3 : text.length());
                int offset = caret - (line.indexOf(':') + 2) - start;
                position = sql.indexOf(core) + offset + 1;
            }
        }
        if (message == null || (excerpt != null && position <= 0)) {
            throw new IllegalStateException("Not a recorded error: " + version + "/" + name);
        }
        return new ServerError("ERROR", null, message, null, hint, position);
    }

    /** The distribution columns' types, from {@code schema.sql}. */
    private static final Map<String, String> COLUMN_TYPES = Map.of("id", "bigint", "owner_id", "bigint", "tenant", "text");

    /** A recorded table's metadata, rebuilt from {@code citus_tables.txt} and the catalog. */
    public static TableMetadata table(String version, String name) {
        for (String[] row : rows(read(version + "/citus_tables.txt"), "table_name")) {
            if (row[0].equals(name)) {
                String column = "<none>".equals(row[2]) ? null : row[2];
                List<Shard> shards = catalog(version).shards().values().stream()
                        .filter(s -> s.table().equals(name)).toList();
                TableKind kind = shards.isEmpty() || shards.get(0).tableKind() == TableKind.CITUS_LOCAL
                        ? ("reference".equals(row[1]) ? TableKind.REFERENCE : TableKind.DISTRIBUTED)
                        : shards.get(0).tableKind();
                String schema = shards.isEmpty() ? null : shards.get(0).distributedSchema();
                return new TableMetadata(name, name, kind, column, column == null ? null : COLUMN_TYPES.get(column),
                        Integer.parseInt(row[3]), shards, schema);
            }
        }
        throw new IllegalArgumentException("No recorded table " + name + " in " + version);
    }

    /**
     * A recorded schema's metadata, rebuilt from the recorded {@code pg_dist_schema} rows and its tables'
     * metadata ({@link #table(String, String)}); a schema not in {@code pg_dist_schema} is a regular one
     * holding the Citus tables {@code citus_tables.txt} lists in it (its plain tables are not recorded).
     *
     * @param folder a {@link #schemaBased} folder
     */
    public static SchemaMetadata schema(String folder, String name) {
        List<TableMetadata> tables = new ArrayList<>();
        for (String[] row : rows(read(folder + "/citus_tables.txt"), "table_name")) {
            if (row[0].startsWith(name + ".")) {
                tables.add(table(folder, row[0]));
            }
        }
        tables.sort(Comparator.comparing(TableMetadata::name));
        Integer colocationId = distributedSchemas(folder).entrySet().stream()
                .filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst().orElse(null);
        return colocationId == null
                ? new SchemaMetadata(name, name, SchemaKind.REGULAR, 0, tables)
                : new SchemaMetadata(name, name, SchemaKind.DISTRIBUTED, colocationId, tables);
    }

    /** The recorded {@code pg_dist_schema}: the distributed schema of each colocation group that has one. */
    private static Map<Integer, String> distributedSchemas(String folder) {
        Map<Integer, String> schemas = new HashMap<>();
        for (Map<String, String> row : psqlTable(read(folder + "/metadata.txt"), "schemaid")) {
            schemas.put(Integer.parseInt(row.get("colocationid")), row.get("schemaid"));
        }
        return schemas;
    }

    /** A recorded table's metadata on Citus 14. */
    public static TableMetadata table(String name) {
        return table(CITUS_14, name);
    }

    /** The recorded cluster's shards and nodes. */
    public static synchronized ShardCatalog catalog(String version) {
        return CATALOGS.computeIfAbsent(version, Recordings::readCatalog);
    }

    private static ShardCatalog readCatalog(String version) {
        List<ClusterNode> nodes = new ArrayList<>();
        for (String[] row : rows(read(version + "/metadata.txt"), "nodeid")) {
            nodes.add(new ClusterNode(Integer.parseInt(row[0]), Integer.parseInt(row[1]),
                    new NodeAddress(row[2], Integer.parseInt(row[3]))));
        }
        Map<Long, String[]> recordedRange = new HashMap<>();
        for (String[] row : rows(read(version + "/metadata.txt"), "shardminvalue")) {
            recordedRange.put(Long.parseLong(row[1]),
                    new String[] {row[2].isEmpty() ? null : row[2], row[3].isEmpty() ? null : row[3]});
        }
        Map<String, TableKind> kindOf = new HashMap<>();
        for (Map<String, String> row : psqlTable(read(version + "/metadata.txt"), "partmethod")) {
            kindOf.put(row.get("logicalrelid"), TableKind.fromCatalog(row.get("partmethod"), row.get("repmodel"),
                    Integer.parseInt(row.get("colocationid"))));
        }
        Map<Integer, String> schemas = distributedSchemas(version);
        Map<Long, String> tableOf = new TreeMap<>();
        Map<Long, String> typeOf = new HashMap<>();
        Map<Long, Integer> colocationOf = new HashMap<>();
        Map<Long, List<NodeAddress>> placements = new HashMap<>();
        for (String[] row : rows(read(version + "/citus_shards.txt"), "shardid")) {
            long shardId = Long.parseLong(row[1]);
            tableOf.put(shardId, row[0]);
            typeOf.put(shardId, row[3]);
            colocationOf.put(shardId, Integer.parseInt(row[4]));
            placements.computeIfAbsent(shardId, id -> new ArrayList<>())
                    .add(new NodeAddress(row[5], Integer.parseInt(row[6])));
        }
        Map<String, List<Long>> shardsOfTable = new HashMap<>();
        tableOf.forEach((id, table) -> shardsOfTable.computeIfAbsent(table, t -> new ArrayList<>()).add(id));
        Map<Long, Shard> shards = new HashMap<>();
        for (List<Long> ids : shardsOfTable.values()) {
            ids.sort(Comparator.naturalOrder());
            for (int index = 0; index < ids.size(); index++) {
                long id = ids.get(index);
                TableKind kind = kindOf.getOrDefault(tableOf.get(id), switch (typeOf.get(id)) {
                    case "distributed" -> TableKind.DISTRIBUTED;
                    case "reference" -> TableKind.REFERENCE;
                    default -> TableKind.CITUS_LOCAL;
                });
                String min = null;
                String max = null;
                if (recordedRange.containsKey(id)) {
                    min = recordedRange.get(id)[0];
                    max = recordedRange.get(id)[1];
                } else if (kind == TableKind.DISTRIBUTED) {
                    long increment = HASH_TOKEN_COUNT / ids.size();
                    long low = Integer.MIN_VALUE + index * increment;
                    min = Long.toString(low);
                    max = Long.toString(index == ids.size() - 1 ? Integer.MAX_VALUE : low + increment - 1);
                }
                String schema = kind == TableKind.SINGLE_SHARD ? schemas.get(colocationOf.get(id)) : null;
                shards.put(id, new Shard(id, tableOf.get(id), kind, colocationOf.get(id), min, max, placements.get(id),
                        schema));
            }
        }
        return new ShardCatalog(shards, nodes);
    }

    /** The data rows of the psql table whose header contains {@code headerWord}, by column name. */
    private static List<Map<String, String>> psqlTable(String psqlOutput, String headerWord) {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] header = null;
        for (String line : psqlOutput.split("\n")) {
            if (header == null) {
                header = line.contains("|") && List.of(cells(line)).contains(headerWord) ? cells(line) : null;
                continue;
            }
            if (line.startsWith("-") || line.startsWith("+")) {
                continue;
            }
            if (!line.contains("|")) {
                break;
            }
            String[] cells = cells(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The data rows of the psql table whose header contains {@code headerWord}, cells trimmed. */
    private static List<String[]> rows(String psqlOutput, String headerWord) {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : psqlOutput.split("\n")) {
            if (!inTable) {
                inTable = line.contains("|") && List.of(cells(line)).contains(headerWord);
                continue;
            }
            if (line.startsWith("-") || line.startsWith("+")) {
                continue;
            }
            if (!line.contains("|")) {
                break;
            }
            rows.add(cells(line));
        }
        return rows;
    }

    private static String[] cells(String line) {
        String[] cells = line.split("\\|");
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }
}

package io.citustestkit.recording;

import io.citustestkit.metadata.ClusterNode;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.ShardCatalog;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.plan.ShardReferences;
import io.citustestkit.plan.ShardRelation;
import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Judges a client statement by what Citus ran for it: the shards its commands name (checked against
 * the catalog, so a column that merely looks like a shard name does not count), the nodes they ran on,
 * and from those, its {@link PlanKind}; the distribution value Citus named for each task that touched a
 * hash-distributed shard (or why it named none); and the calls it delegated to a worker.
 */
final class ExecutionEvidence {

    private ExecutionEvidence() {
    }

    /** Every shard id the statements' commands name: what to read from the catalog. */
    static Set<Long> shardIdsNamedBy(List<ClientStatement> statements) {
        Set<Long> ids = new TreeSet<>();
        for (ClientStatement statement : statements) {
            for (ExecutedCommand command : statement.commands) {
                relations(command.sql()).forEach(relation -> ids.add(relation.shardId()));
            }
        }
        return ids;
    }

    static RecordedStatement judge(ClientStatement statement, ShardCatalog catalog, Function<String, String> distributionColumn) {
        Map<Long, Shard> shards = new LinkedHashMap<>();
        List<String> commands = new ArrayList<>();
        Set<String> nodes = new TreeSet<>();
        Set<String> delegatedTo = new TreeSet<>();
        Set<String> values = new LinkedHashSet<>();
        Set<String> unnamed = new LinkedHashSet<>();
        int tasks = 0;
        boolean subplans = false;
        boolean repartition = false;
        for (ExecutedCommand command : statement.commands) {
            List<Shard> named = new ArrayList<>();
            for (ShardRelation relation : relations(command.sql())) {
                catalog.shard(relation.shardId()).filter(shard -> isOfTable(relation, shard)).ifPresent(named::add);
            }
            String sql = command.sql();
            repartition |= sql.contains("worker_partition_query_result") || sql.contains("fetch_intermediate_results");
            subplans |= sql.contains("read_intermediate_result");
            String node = command.isLocal() ? coordinatorName(catalog) : command.node();
            if (command.delegated()) {
                delegatedTo.add(node);
                commands.add(sql);
                nodes.add(node);
                tasks++;
                continue;
            }
            if (named.isEmpty()) {
                continue;
            }
            named.forEach(shard -> shards.putIfAbsent(shard.shardId(), shard));
            commands.add(sql);
            nodes.add(node);
            tasks++;
            Optional<Shard> hashed = named.stream().filter(ExecutionEvidence::isHashDistributed).findFirst();
            if (hashed.isEmpty()) {
                continue;
            }
            if (command.plannedValue() != null) {
                values.add(command.plannedValue());
                continue;
            }
            Optional<List<String>> inserted = InsertedValues.of(sql, distributionColumn.apply(hashed.get().table()));
            if (inserted.isPresent()) {
                values.addAll(inserted.get());
            } else {
                unnamed.add(whyUnnamed(statement.sql, sql));
            }
        }
        PlanKind kind = !delegatedTo.isEmpty() && shards.isEmpty()
                ? PlanKind.ROUTER
                : kind(List.copyOf(shards.values()), tasks, subplans, repartition);
        return new RecordedStatement(statement.sql, statement.parameters, kind, List.copyOf(shards.values()),
                List.copyOf(nodes), commands, statement.error, List.copyOf(values),
                unnamed.isEmpty() ? null : String.join("; ", unnamed), List.copyOf(delegatedTo));
    }

    /**
     * The shard relations a command names, also inside its string literals: a repartitioned query's tasks
     * send the query they partition as text ({@code worker_partition_query_result('...', 'SELECT ... FROM
     * public.events_102008 events ...', ...)}).
     */
    static List<ShardRelation> relations(String command) {
        List<ShardRelation> relations = new ArrayList<>(ShardReferences.in(command));
        if (command.indexOf('\'') < 0) {
            return relations;
        }
        for (SqlToken token : SqlLexer.tokenize(command)) {
            String text = token.text();
            if (token.kind() == SqlToken.Kind.STRING && text.startsWith("'") && text.length() > 2 && token.terminated()) {
                for (ShardRelation relation : ShardReferences.in(text.substring(1, text.length() - 1).replace("''", "'"))) {
                    if (!relations.contains(relation)) {
                        relations.add(relation);
                    }
                }
            }
        }
        return relations;
    }

    /** Why Citus named no distribution value for a command that touched a hash-distributed shard. */
    static String whyUnnamed(String statement, String command) {
        String sent = command.stripLeading();
        if (sent.regionMatches(true, 0, "COPY ", 0, 5)) {
            return "Citus copied rows into the shard with COPY, and names no distribution value for copied rows";
        }
        String received = statement.stripLeading();
        if (received.regionMatches(true, 0, "INSERT", 0, 6)) {
            return "Citus names no distribution value for the rows an INSERT ... SELECT writes";
        }
        return "Citus planned the query without naming a single distribution column value (it names one only for a query "
                + "on exactly one value; an IN list, a range, a join filtered on two values or a statement it planned before "
                + "the value was known has none)";
    }

    static boolean isHashDistributed(Shard shard) {
        return shard.tableKind() == TableKind.DISTRIBUTED && shard.hasRange();
    }

    private static PlanKind kind(List<Shard> shards, int tasks, boolean subplans, boolean repartition) {
        if (repartition) {
            return PlanKind.REPARTITION;
        }
        if (shards.isEmpty()) {
            return PlanKind.LOCAL;
        }
        if (subplans) {
            return PlanKind.RECURSIVE;
        }
        boolean reference = shards.stream().anyMatch(shard -> shard.tableKind() == TableKind.REFERENCE);
        boolean distributed = shards.stream().anyMatch(
                shard -> shard.tableKind() != TableKind.REFERENCE && shard.tableKind() != TableKind.CITUS_LOCAL);
        if (!distributed) {
            return reference ? PlanKind.REFERENCE_TABLE : PlanKind.CITUS_LOCAL_TABLE;
        }
        if (tasks == 1) {
            return PlanKind.ROUTER;
        }
        return reference ? PlanKind.MULTI_SHARD_WITH_REFERENCE_JOIN : PlanKind.MULTI_SHARD;
    }

    /** Whether {@code events_102008} is a shard of the table the catalog names for that id. */
    private static boolean isOfTable(ShardRelation relation, Shard shard) {
        String table = shard.table();
        int dot = table.lastIndexOf('.');
        String name = dot < 0 ? table : table.substring(dot + 1);
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return relation.table().equals(name) || relation.relationName().startsWith(name.length() > 40 ? name.substring(0, 40) : name);
    }

    private static String coordinatorName(ShardCatalog catalog) {
        return catalog.nodes().stream().filter(ClusterNode::isCoordinator).map(node -> node.address().host()).findFirst()
                .orElse("coordinator");
    }
}

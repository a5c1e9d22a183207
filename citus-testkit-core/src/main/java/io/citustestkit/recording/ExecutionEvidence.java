package io.citustestkit.recording;

import io.citustestkit.metadata.ClusterNode;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.ShardCatalog;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.plan.ShardReferences;
import io.citustestkit.plan.ShardRelation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges a client statement by what Citus ran for it: the shards its commands name (checked against
 * the catalog, so a column that merely looks like a shard name does not count), the nodes they ran on,
 * and from those, its {@link PlanKind}.
 */
final class ExecutionEvidence {

    private ExecutionEvidence() {
    }

    /** Every shard id the statements' commands name: what to read from the catalog. */
    static Set<Long> shardIdsNamedBy(List<ClientStatement> statements) {
        Set<Long> ids = new TreeSet<>();
        for (ClientStatement statement : statements) {
            for (ExecutedCommand command : statement.commands) {
                ShardReferences.in(command.sql()).forEach(relation -> ids.add(relation.shardId()));
            }
        }
        return ids;
    }

    static RecordedStatement judge(ClientStatement statement, ShardCatalog catalog) {
        Map<Long, Shard> shards = new LinkedHashMap<>();
        List<String> commands = new ArrayList<>();
        Set<String> nodes = new TreeSet<>();
        boolean subplans = false;
        boolean repartition = false;
        for (ExecutedCommand command : statement.commands) {
            List<Shard> named = new ArrayList<>();
            for (ShardRelation relation : ShardReferences.in(command.sql())) {
                catalog.shard(relation.shardId()).filter(shard -> isOfTable(relation, shard)).ifPresent(named::add);
            }
            String sql = command.sql();
            repartition |= sql.contains("worker_partition_query_result") || sql.contains("fetch_intermediate_results");
            subplans |= sql.contains("read_intermediate_result");
            if (named.isEmpty()) {
                continue;
            }
            named.forEach(shard -> shards.putIfAbsent(shard.shardId(), shard));
            commands.add(sql);
            nodes.add(command.isLocal() ? coordinatorName(catalog) : command.node());
        }
        PlanKind kind = kind(List.copyOf(shards.values()), commands.size(), subplans, repartition);
        return new RecordedStatement(statement.sql, statement.parameters, kind, List.copyOf(shards.values()),
                List.copyOf(nodes), commands, statement.error);
    }

    private static PlanKind kind(List<Shard> shards, int tasks, boolean subplans, boolean repartition) {
        if (shards.isEmpty()) {
            return PlanKind.LOCAL;
        }
        if (repartition) {
            return PlanKind.REPARTITION;
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

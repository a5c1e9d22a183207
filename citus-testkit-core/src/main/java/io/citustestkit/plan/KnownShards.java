package io.citustestkit.plan;

import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.ShardCatalog;
import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps, in every task of a plan, only the shard names the catalog knows as shards: a name such as
 * {@code line_2} in a task's query may be a column, not shard 2 of a table {@code line}. Without a
 * catalog ({@link ShardCatalog#EMPTY}, e.g. a plan read from a file), every name is kept.
 *
 * <pre>{@code
 * PlanNode confirmed = KnownShards.keep(PlanParser.parse(json), catalog);
 * }</pre>
 */
final class KnownShards {

    /** Citus shortens a shard name to fit PostgreSQL's 63-byte names: {@code <prefix>_<hash>_<shardid>}. */
    private static final int LONGEST_NAME = 63;

    private KnownShards() {
    }

    /**
     * The plan with every task's shards checked against the catalog.
     *
     * @param root a parsed plan
     * @param catalog the shards its tasks name, looked up in the Citus catalog, or {@link ShardCatalog#EMPTY}
     * @return the plan, the same object without a catalog
     */
    static PlanNode keep(PlanNode root, ShardCatalog catalog) {
        return catalog.equals(ShardCatalog.EMPTY) ? root : node(root, catalog);
    }

    private static PlanNode node(PlanNode node, ShardCatalog catalog) {
        List<PlanNode> children = node.children().stream().map(c -> node(c, catalog)).toList();
        return new PlanNode(node.nodeType(), node.operation(), node.relationName(), node.customPlanProvider(),
                node.citusScan() == null ? null : scan(node.citusScan(), catalog), children);
    }

    private static CitusScan scan(CitusScan scan, ShardCatalog catalog) {
        List<Subplan> subplans = scan.subplans().stream()
                .map(s -> new Subplan(s.number(), node(s.plan(), catalog))).toList();
        Job job = scan.job() == null ? null : job(scan.job(), catalog);
        PlanNode source = scan.sourceQuery() == null ? null : node(scan.sourceQuery(), catalog);
        return new CitusScan(scan.provider(), subplans, job, scan.methodProperty(), scan.methodLabel(), source);
    }

    private static Job job(Job job, ShardCatalog catalog) {
        List<Task> tasks = new ArrayList<>();
        for (Task task : job.tasks()) {
            tasks.add(task.withShards(task.shards().stream().filter(s -> isKnown(s, catalog)).toList()));
        }
        return new Job(job.taskCount(), job.tasksShown(), tasks, job.dependentJobs());
    }

    /** Whether the catalog has a shard with that id whose table the name is of. */
    static boolean isKnown(ShardRelation relation, ShardCatalog catalog) {
        return catalog.shard(relation.shardId()).filter(shard -> isOfTable(relation, shard)).isPresent();
    }

    private static boolean isOfTable(ShardRelation relation, Shard shard) {
        String table = relationName(shard.table());
        if (relation.table().equals(table)) {
            return true;
        }
        int hash = relation.table().lastIndexOf('_');
        boolean shortened = relation.relationName().length() >= LONGEST_NAME - 10 && hash > 0;
        return shortened && table.startsWith(relation.table().substring(0, hash));
    }

    /** The table's own name, from the catalog's {@code regclass} text ({@code "Odd"} or {@code app.events}). */
    private static String relationName(String regclass) {
        List<SqlToken> names = SqlLexer.tokenize(regclass).stream().filter(t -> t.identifier() != null).toList();
        return names.isEmpty() ? regclass : names.get(names.size() - 1).identifier();
    }
}

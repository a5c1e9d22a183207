package io.citustestkit.plan;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.ShardCatalog;
import io.citustestkit.metadata.TableKind;
import org.apiguardian.api.API;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * The distributed plan of one statement: its Citus scans, jobs, tasks, subplans and repartition
 * jobs, and its {@link PlanKind}. Immutable; made by {@link ExplainRunner} from a live coordinator,
 * or with {@link #of} from a recorded {@code EXPLAIN (FORMAT JSON)} output.
 *
 * <p>Counts come from {@code "Task Count"}, not from the listed tasks: with Citus's defaults EXPLAIN
 * lists one task of N ({@link ExplainRunner} turns {@code citus.explain_all_tasks} on, so all are
 * listed). Without a {@link ShardCatalog} (e.g. from a file), every shard counts as a distributed
 * table's and only {@code localhost} counts as the coordinator.
 *
 * <pre>{@code
 * DistributedPlan plan = ExplainRunner.create().explain(dataSource, "SELECT count(*) FROM events");
 * plan.kind();                         // MULTI_SHARD
 * plan.taskCount();                    // 32
 * plan.taskDistribution().toString();  // "32 tasks on 2 workers: w1 16, w2 16"
 * plan.excerpt();                      // Aggregate / Custom Scan (Citus Adaptive) / Task Count: 32 ...
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class DistributedPlan {

    private final SqlQuery query;
    private final PlanNode root;
    private final ShardCatalog catalog;
    private final PlanTree tree;
    private final PlanKind kind;

    private DistributedPlan(SqlQuery query, PlanNode parsedRoot, ShardCatalog catalog) {
        this.query = Objects.requireNonNull(query, "query");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.root = KnownShards.keep(Objects.requireNonNull(parsedRoot, "root"), catalog);
        this.tree = PlanTree.of(root);
        this.kind = PlanClassifier.classify(tree, catalog);
    }

    /**
     * The plan of a statement.
     *
     * @param query the statement the plan is of
     * @param root the root of its parsed EXPLAIN output ({@link PlanParser#parse})
     * @param catalog the shards and nodes the plan refers to, or {@link ShardCatalog#EMPTY}; the tasks
     *                keep only the shard names it knows (a name in a task's query may be a column's)
     * @return the plan
     */
    public static DistributedPlan of(SqlQuery query, PlanNode root, ShardCatalog catalog) {
        return new DistributedPlan(query, root, catalog);
    }

    /**
     * The ids of the shards the tasks of a parsed plan may touch, to look them up in the catalog.
     *
     * @param root the root of a parsed EXPLAIN output
     * @return the shard ids, sorted
     */
    public static Set<Long> shardIds(PlanNode root) {
        Set<Long> ids = new TreeSet<>();
        PlanTree.of(root).tasks().forEach(t -> t.shards().forEach(s -> ids.add(s.shardId())));
        return ids;
    }

    /** {@return the statement} */
    public SqlQuery query() {
        return query;
    }

    /** {@return the root of the plan, as on the coordinator, its tasks' shards checked against the catalog} */
    public PlanNode root() {
        return root;
    }

    /** {@return the catalog the plan was classified with} */
    public ShardCatalog catalog() {
        return catalog;
    }

    /** {@return what the plan does; see {@link PlanKind} for the rules} */
    public PlanKind kind() {
        return kind;
    }

    /** {@return the Citus custom scans, depth-first, including those in subplans and source queries} */
    public List<CitusScan> citusScans() {
        return List.copyOf(tree.scans);
    }

    /** {@return whether the plan has a Citus custom scan at all} */
    public boolean hasCitusScan() {
        return !tree.scans.isEmpty();
    }

    /** {@return every job: of the main query, of its source query and of its subplans} */
    public List<Job> jobs() {
        return List.copyOf(tree.jobs);
    }

    /** {@return the jobs of the main query and of its {@code INSERT ... SELECT} source query, without subplans} */
    public List<Job> mainJobs() {
        return List.copyOf(tree.mainJobs);
    }

    /** {@return every task EXPLAIN listed, of every job} */
    public List<Task> tasks() {
        return tree.tasks();
    }

    /** {@return the tasks every job runs, from {@code "Task Count"}, summed (subplans included)} */
    public int taskCount() {
        return tree.jobs.stream().mapToInt(Job::taskCount).sum();
    }

    /** {@return whether EXPLAIN listed every task of every job (not so for repartition joins)} */
    public boolean allTasksListed() {
        return tree.jobs.stream().allMatch(Job::allTasksListed);
    }

    /** {@return the distributed subplans, depth-first} */
    public List<Subplan> subplans() {
        return List.copyOf(tree.subplans);
    }

    /** {@return whether a CTE or subquery runs as a distributed subplan first} */
    public boolean hasSubplans() {
        return !tree.subplans.isEmpty();
    }

    /** {@return the repartition jobs of every job} */
    public List<DependentJob> dependentJobs() {
        return tree.jobs.stream().flatMap(j -> j.dependentJobs().stream()).toList();
    }

    /** {@return whether data is repartitioned between workers: dependent jobs, or a {@code repartition} method} */
    public boolean hasRepartition() {
        return PlanClassifier.hasRepartition(tree);
    }

    /** {@return whether an {@code INSERT ... SELECT} or {@code MERGE} pulls its source rows to the coordinator} */
    public boolean isPulledToCoordinator() {
        return PlanClassifier.isPulledToCoordinator(tree);
    }

    /** {@return the first scan that runs an {@code INSERT ... SELECT} or {@code MERGE} through the coordinator or a repartition} */
    public Optional<CitusScan> modifyScan() {
        return tree.scans.stream().filter(s -> s.methodLabel() != null).findFirst();
    }

    /** {@return the method of that scan} */
    public Optional<ModifyWithSelectMethod> modifyWithSelectMethod() {
        return modifyScan().flatMap(CitusScan::method);
    }

    /** {@return the nodes that run a task reading or writing a shard; none for a {@link PlanKind#ZERO_TASK} plan} */
    public SortedSet<NodeAddress> nodes() {
        SortedSet<NodeAddress> nodes = new TreeSet<>();
        if (kind != PlanKind.ZERO_TASK) {
            tree.tasks().stream().filter(t -> t.node() != null).forEach(t -> nodes.add(t.node()));
        }
        return Collections.unmodifiableSortedSet(nodes);
    }

    /**
     * Whether a task on that node runs on the coordinator (see {@link ShardCatalog#isCoordinator}).
     *
     * @param node a node of a task
     * @return whether it is the coordinator
     */
    public boolean isCoordinator(NodeAddress node) {
        return catalog.isCoordinator(node);
    }

    /** {@return the distinct shard relations the listed tasks touch, in plan order} */
    public Set<ShardRelation> shards() {
        Set<ShardRelation> shards = new LinkedHashSet<>();
        tree.tasks().forEach(t -> shards.addAll(t.shards()));
        return Collections.unmodifiableSet(shards);
    }

    /**
     * The number of shard groups the listed tasks touch: colocated shards with the same hash range
     * count once (they are always joined in one task on one node), a reference table's shard counts
     * as one. Without a catalog, every distinct shard counts.
     *
     * @return the number of shard groups
     */
    public int shardGroupCount() {
        Set<Object> groups = new LinkedHashSet<>();
        for (ShardRelation relation : shards()) {
            groups.add(catalog.shard(relation.shardId()).map(Shard::groupKey).orElse(List.of(relation.shardId())));
        }
        return groups.size();
    }

    /** {@return the reference tables the tasks read or write, as the catalog names them} */
    public SortedSet<String> referenceTables() {
        SortedSet<String> tables = new TreeSet<>();
        for (ShardRelation relation : shards()) {
            catalog.shard(relation.shardId())
                    .filter(s -> s.tableKind() == TableKind.REFERENCE)
                    .ifPresent(s -> tables.add(s.table()));
        }
        return Collections.unmodifiableSortedSet(tables);
    }

    /**
     * The distributed schemas (schema-based sharding) whose tables the listed tasks read or write,
     * subplans included, as the catalog names them: one for a query that stays inside one tenant's
     * schema, two or more for a query across tenants (each distributed schema is a colocation group of
     * its own, so no single task joins their tables). Empty without a catalog.
     *
     * @return the schemas, sorted
     */
    public SortedSet<String> distributedSchemas() {
        return distributedSchemas(tree.jobs);
    }

    /**
     * The distributed schemas whose tables some jobs' listed tasks read or write.
     *
     * @param jobs jobs of this plan, e.g. {@link #mainJobs()} or {@link #jobsOf(Subplan)}
     * @return the schemas, sorted
     */
    public SortedSet<String> distributedSchemas(List<Job> jobs) {
        SortedSet<String> schemas = new TreeSet<>();
        for (Job job : jobs) {
            for (Task task : job.tasks()) {
                for (ShardRelation relation : task.shards()) {
                    catalog.shard(relation.shardId()).map(Shard::distributedSchema).ifPresent(schemas::add);
                }
            }
        }
        return Collections.unmodifiableSortedSet(schemas);
    }

    /** {@return how every job's tasks spread over the nodes} */
    public TaskDistribution taskDistribution() {
        return TaskDistribution.of(tree.jobs, catalog::isCoordinator);
    }

    /**
     * How some jobs' tasks spread over the nodes.
     *
     * @param jobs jobs of this plan
     * @return their distribution
     */
    public TaskDistribution taskDistribution(List<Job> jobs) {
        return TaskDistribution.of(jobs, catalog::isCoordinator);
    }

    /**
     * The jobs of one subplan (of its own scans), for messages.
     *
     * @param subplan a subplan of this plan
     * @return its jobs
     */
    public List<Job> jobsOf(Subplan subplan) {
        return List.copyOf(PlanTree.of(subplan.plan()).jobs);
    }

    /** {@return whether the whole statement runs as one task on one node: {@link PlanKind#ROUTER}} */
    public boolean isRoutedToSingleNode() {
        return kind == PlanKind.ROUTER && taskCount() == 1 && nodes().size() == 1;
    }

    /** {@return a compact rendering of the plan, at most {@value PlanExcerpt#MAX_LINES} lines, for messages} */
    public String excerpt() {
        return PlanExcerpt.render(this);
    }

    @Override
    public String toString() {
        return kind.name() + " plan of " + query + ": " + taskDistribution();
    }
}

package io.citustestkit.plan;

import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.ShardCatalog;
import io.citustestkit.metadata.TableKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Decides the {@link PlanKind} of a plan; the rules and their order are documented on {@link PlanKind}. */
final class PlanClassifier {

    private PlanClassifier() {
    }

    static PlanKind classify(PlanTree tree, ShardCatalog catalog) {
        if (tree.scans.isEmpty()) {
            return PlanKind.LOCAL;
        }
        if (hasRepartition(tree)) {
            return PlanKind.REPARTITION;
        }
        if (isPulledToCoordinator(tree)) {
            return PlanKind.PULL_TO_COORDINATOR;
        }
        if (!tree.subplans.isEmpty()) {
            return PlanKind.RECURSIVE;
        }
        List<Job> jobs = tree.jobs;
        if (jobs.size() == 1 && isPrunedToNothing(jobs.get(0))) {
            return PlanKind.ZERO_TASK;
        }
        Set<TableKind> touched = touchedTableKinds(tree, catalog);
        boolean distributed = touched.stream().anyMatch(TableKind::isDistributed);
        if (jobs.size() == 1 && jobs.get(0).taskCount() == 1) {
            if (distributed || touched.isEmpty()) {
                return PlanKind.ROUTER;
            }
            return touched.contains(TableKind.CITUS_LOCAL) ? PlanKind.CITUS_LOCAL_TABLE : PlanKind.REFERENCE_TABLE;
        }
        return touched.contains(TableKind.REFERENCE)
                ? PlanKind.MULTI_SHARD_WITH_REFERENCE_JOIN
                : PlanKind.MULTI_SHARD;
    }

    static boolean hasRepartition(PlanTree tree) {
        return tree.jobs.stream().anyMatch(Job::hasDependentJobs)
                || tree.scans.stream().anyMatch(s -> s.method().orElse(null) == ModifyWithSelectMethod.REPARTITION);
    }

    static boolean isPulledToCoordinator(PlanTree tree) {
        return tree.scans.stream()
                .anyMatch(s -> s.method().orElse(null) == ModifyWithSelectMethod.PULL_TO_COORDINATOR);
    }

    /** No task, or Citus's single placeholder task for a query whose filters match no shard. */
    static boolean isPrunedToNothing(Job job) {
        if (job.taskCount() == 0) {
            return true;
        }
        return job.taskCount() == 1 && job.tasks().size() == 1 && job.tasks().get(0).readsNoShard();
    }

    /** The kinds of the tables whose shards the tasks touch; a shard the catalog does not know counts as distributed. */
    private static Set<TableKind> touchedTableKinds(PlanTree tree, ShardCatalog catalog) {
        Set<TableKind> kinds = EnumSet.noneOf(TableKind.class);
        for (Task task : tree.tasks()) {
            for (ShardRelation relation : task.shards()) {
                kinds.add(catalog.shard(relation.shardId()).map(Shard::tableKind).orElse(TableKind.DISTRIBUTED));
            }
        }
        return kinds;
    }
}

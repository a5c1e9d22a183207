package io.citustestkit.plan;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Renders the part of a plan that matters for distribution, at most {@value #MAX_LINES} lines:
 * node types, Citus scans, methods, subplans, task counts per node and dependent jobs.
 *
 * <pre>{@code
 * PlanExcerpt.render(plan);
 * // Aggregate
 * //   Custom Scan (Citus Adaptive)
 * //     Task Count: 32 (w1 16, w2 16)
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class PlanExcerpt {

    /** The most lines an excerpt has. */
    public static final int MAX_LINES = 15;

    private static final int MAX_TASK_LINES = 2;

    private final DistributedPlan plan;
    private final List<String> lines = new ArrayList<>();

    private PlanExcerpt(DistributedPlan plan) {
        this.plan = plan;
    }

    /**
     * Renders a plan.
     *
     * @param plan the plan
     * @return its excerpt, lines separated by {@code \n}, indented two spaces per level
     */
    public static String render(DistributedPlan plan) {
        PlanExcerpt excerpt = new PlanExcerpt(plan);
        excerpt.node(plan.root(), 0);
        List<String> lines = excerpt.lines;
        if (lines.size() > MAX_LINES) {
            int hidden = lines.size() - (MAX_LINES - 1);
            lines = new ArrayList<>(lines.subList(0, MAX_LINES - 1));
            lines.add("... (" + hidden + " more lines)");
        }
        return String.join("\n", lines);
    }

    private void node(PlanNode node, int depth) {
        line(depth, node.label());
        CitusScan scan = node.citusScan();
        if (scan != null) {
            if (scan.methodLabel() != null) {
                line(depth + 1, scan.methodProperty() + ": " + scan.methodLabel());
            }
            for (Subplan subplan : scan.subplans()) {
                line(depth + 1, "Distributed Subplan " + subplan.number());
                node(subplan.plan(), depth + 2);
            }
            if (scan.job() != null) {
                job(scan.job(), depth + 1);
            }
            if (scan.sourceQuery() != null) {
                line(depth + 1, CitusScan.MERGE.equals(scan.provider()) ? "Source Query" : "Select Query");
                node(scan.sourceQuery(), depth + 2);
            }
        }
        for (PlanNode child : node.children()) {
            node(child, depth + 1);
        }
    }

    private void job(Job job, int depth) {
        TaskDistribution distribution = plan.taskDistribution(List.of(job));
        String perNode = distribution.listedTasks() == 0 ? "" : " (" + distribution.perNodeText() + ")";
        String shown = job.allTasksListed() || job.tasksShown().isEmpty() ? "" : ", Tasks Shown: " + job.tasksShown();
        line(depth, "Task Count: " + job.taskCount() + perNode + shown);
        for (DependentJob dependent : job.dependentJobs()) {
            dependentJob(dependent, depth);
        }
        if (job.tasks().size() <= MAX_TASK_LINES) {
            for (Task task : job.tasks()) {
                line(depth, "Task on " + (task.node() == null ? "?" : distribution.label(task.node())) + ": "
                        + taskText(task));
            }
        }
    }

    private void dependentJob(DependentJob job, int depth) {
        line(depth, "Dependent Job: " + job);
        for (DependentJob nested : job.dependentJobs()) {
            dependentJob(nested, depth + 1);
        }
    }

    private static String taskText(Task task) {
        if (task.error() != null) {
            return task.error();
        }
        if (!task.shards().isEmpty()) {
            return String.join(", ", task.shards().stream().map(ShardRelation::relationName).toList());
        }
        return "no shard" + (task.remotePlan() == null ? "" : " (" + task.remotePlan().label() + ")");
    }

    private void line(int depth, String text) {
        lines.add("  ".repeat(depth) + text);
    }
}

package io.citustestkit.plan;

import java.util.ArrayList;
import java.util.List;

/** The Citus scans, jobs and subplans of a plan, collected depth-first (task remote plans excluded). */
final class PlanTree {

    final List<CitusScan> scans = new ArrayList<>();
    final List<Job> jobs = new ArrayList<>();
    final List<Job> mainJobs = new ArrayList<>();
    final List<Subplan> subplans = new ArrayList<>();

    private PlanTree() {
    }

    static PlanTree of(PlanNode root) {
        PlanTree tree = new PlanTree();
        tree.walk(root, false);
        return tree;
    }

    List<Task> tasks() {
        return jobs.stream().flatMap(job -> job.tasks().stream()).toList();
    }

    private void walk(PlanNode node, boolean inSubplan) {
        CitusScan scan = node.citusScan();
        if (scan != null) {
            scans.add(scan);
            for (Subplan subplan : scan.subplans()) {
                subplans.add(subplan);
                walk(subplan.plan(), true);
            }
            if (scan.job() != null) {
                jobs.add(scan.job());
                if (!inSubplan) {
                    mainJobs.add(scan.job());
                }
            }
            if (scan.sourceQuery() != null) {
                walk(scan.sourceQuery(), inSubplan);
            }
        }
        for (PlanNode child : node.children()) {
            walk(child, inSubplan);
        }
    }
}

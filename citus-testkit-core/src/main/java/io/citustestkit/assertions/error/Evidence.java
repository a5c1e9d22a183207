package io.citustestkit.assertions.error;

import io.citustestkit.plan.CitusScan;
import io.citustestkit.plan.DependentJob;
import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.Job;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.plan.ShardRelation;
import io.citustestkit.plan.SqlQuery;
import io.citustestkit.plan.Subplan;
import io.citustestkit.plan.TaskDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The parts the query and table messages share: the statement block and what the plan does, in words. */
final class Evidence {

    static final String NL = System.lineSeparator();

    /** The shards listed in a message before "and N more". */
    private static final int MAX_SHARDS_LISTED = 8;

    private Evidence() {
    }

    /**
     * The format of the statement block: {@code Expecting query:} with the SQL, and its parameters
     * if it has any. Its arguments come from {@link #queryArguments}.
     */
    static String queryFormat(String intro, SqlQuery query) {
        return "%n" + intro + ":%n%s%n" + (query.hasParams() ? "with parameters:%n  %s%n" : "");
    }

    /** The arguments of {@link #queryFormat}: the indented SQL (unquoted) and, if any, the parameters. */
    static List<Object> queryArguments(SqlQuery query) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(CitusMessageFactory.unquoted(indent(query.sql(), 2)));
        if (query.hasParams()) {
            arguments.add(query.params());
        }
        return arguments;
    }

    /** A format and its arguments, for a factory's constructor. */
    record Message(String format, Object[] arguments) {
    }

    /**
     * The shape of every query failure: the statement, what was expected, what happened, the
     * classification and the plan excerpt.
     *
     * @param plan the plan of the statement
     * @param expected what was expected, completing "to ", e.g. "be routed to a single worker (...)"
     * @param but what happened, completing "but ", e.g. "it runs as 32 tasks on 2 workers: w1 16, w2 16"
     */
    static Message queryMessage(DistributedPlan plan, String expected, String but) {
        List<Object> arguments = queryArguments(plan.query());
        arguments.add(CitusMessageFactory.unquoted(expected));
        arguments.add(CitusMessageFactory.unquoted(but));
        arguments.add(CitusMessageFactory.unquoted(plan.kind().toString()));
        arguments.add(CitusMessageFactory.unquoted(excerpt(plan)));
        return new Message(queryFormat("Expecting query", plan.query())
                + "to %s%nbut %s.%nClassification: %s%nPlan:%n%s", arguments.toArray());
    }

    /** Indents every line of a text. */
    static String indent(String text, int spaces) {
        String padding = " ".repeat(spaces);
        return padding + text.strip().replace("\r\n", "\n").replace("\n", NL + padding);
    }

    /** The plan excerpt, indented. */
    static String excerpt(DistributedPlan plan) {
        return indent(plan.excerpt(), 2);
    }

    /**
     * What the statement does, as the end of a sentence starting with "but ", naming the distributed
     * schemas it touches (schema-based sharding) if any.
     */
    static String whatHappened(DistributedPlan plan) {
        return shape(plan) + schemas(plan);
    }

    /** How the statement runs, by its {@link PlanKind}. */
    private static String shape(DistributedPlan plan) {
        TaskDistribution main = plan.taskDistribution(plan.mainJobs());
        return switch (plan.kind()) {
            case ROUTER -> "it runs as " + main + " (" + shardList(plan) + ")";
            case MULTI_SHARD -> "it runs as " + main;
            case MULTI_SHARD_WITH_REFERENCE_JOIN -> "it runs as " + main + ", each task joining reference table "
                    + String.join(", ", plan.referenceTables());
            case REFERENCE_TABLE -> "it is a reference table query: its single task runs on "
                    + where(main) + " and reads or writes " + String.join(", ", plan.referenceTables())
                    + ", a table with a copy on every node, so no distribution column routes it"
                    + " (to expect this, use isClassifiedAs(PlanKind.REFERENCE_TABLE))";
            case CITUS_LOCAL_TABLE -> "it only touches Citus local tables: its single task runs on " + where(main);
            case ZERO_TASK -> "it was pruned to zero shards: its filters match no shard, so "
                    + (plan.taskCount() == 0 ? "it has no task" : "its only task is a placeholder that reads no shard, on "
                    + where(main));
            case REPARTITION -> repartition(plan, main);
            case PULL_TO_COORDINATOR -> modifyViaCoordinator(plan, main);
            case RECURSIVE -> subplans(plan) + "; then the main query runs as " + main + inSchemas(plan, plan.mainJobs());
            case LOCAL -> "it has no Citus scan: the coordinator runs it as a plain PostgreSQL plan"
                    + " (no distributed, reference or Citus local table)";
        };
    }

    /** The subplans that run first, e.g. "it runs 1 distributed subplan first: subplan 1 runs as ...". */
    static String subplans(DistributedPlan plan) {
        List<String> parts = new ArrayList<>();
        for (Subplan subplan : plan.subplans()) {
            List<Job> jobs = plan.jobsOf(subplan);
            parts.add("subplan " + subplan.number() + " runs as " + plan.taskDistribution(jobs) + inSchemas(plan, jobs));
        }
        int count = plan.subplans().size();
        return "it runs " + count + " distributed subplan" + (count == 1 ? "" : "s") + " first: "
                + String.join("; ", parts);
    }

    /** The shard groups a plan touches, e.g. "32 shard groups (64 shards: users_102008, ... and 56 more)". */
    static String shardGroups(DistributedPlan plan) {
        int groups = plan.shardGroupCount();
        int shards = plan.shards().size();
        if (groups == shards) {
            return groups + (groups == 1 ? " shard" : " shards") + (shards == 0 ? "" : ": " + shardList(plan));
        }
        return groups + (groups == 1 ? " shard group" : " shard groups") + " (" + shards + " shards: "
                + shardList(plan) + ")";
    }

    /** The shards a plan touches, at most {@value #MAX_SHARDS_LISTED} listed. */
    static String shardList(DistributedPlan plan) {
        List<String> names = plan.shards().stream().map(ShardRelation::relationName).toList();
        if (names.isEmpty()) {
            return "no shard";
        }
        if (names.size() <= MAX_SHARDS_LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_SHARDS_LISTED)) + " and " + (names.size() - MAX_SHARDS_LISTED)
                + " more";
    }

    /**
     * The distributed schemas the statement touches, ending the sentence: ", inside distributed schema
     * tenant_a" for one job touching one (other plans name it where it is read), the reason no single
     * task can run it for several, nothing for none.
     */
    static String schemas(DistributedPlan plan) {
        Set<String> schemas = plan.distributedSchemas();
        if (schemas.size() > 1) {
            return "; it touches the tables of " + schemas.size() + " distributed schemas (" + String.join(", ", schemas)
                    + "): each distributed schema is a colocation group of its own, placed on one node, so no single"
                    + " task can join them";
        }
        boolean oneJob = plan.kind() == PlanKind.ROUTER || plan.kind() == PlanKind.MULTI_SHARD
                || plan.kind() == PlanKind.MULTI_SHARD_WITH_REFERENCE_JOIN;
        if (schemas.size() == 1 && oneJob) {
            return ", inside distributed schema " + schemas.iterator().next();
        }
        return "";
    }

    /** " in distributed schema tenant_b" for jobs whose tasks touch the tables of distributed schemas. */
    private static String inSchemas(DistributedPlan plan, List<Job> jobs) {
        Set<String> schemas = plan.distributedSchemas(jobs);
        if (schemas.isEmpty()) {
            return "";
        }
        return " in distributed schema" + (schemas.size() == 1 ? " " : "s ") + String.join(", ", schemas);
    }

    private static String repartition(DistributedPlan plan, TaskDistribution main) {
        if (plan.modifyWithSelectMethod().isPresent()) {
            return modifyViaCoordinator(plan, main);
        }
        List<DependentJob> jobs = plan.dependentJobs();
        List<String> texts = jobs.stream().map(DependentJob::toString).toList();
        int tasks = plan.jobs().stream().filter(Job::hasDependentJobs).mapToInt(Job::taskCount).sum();
        return "it is a repartition join: " + jobs.size() + " dependent map/merge job" + (jobs.size() == 1 ? "" : "s")
                + " (" + String.join("; ", texts) + ") repartition the data between the workers before "
                + tasks + " task" + (tasks == 1 ? "" : "s") + " join it";
    }

    private static String modifyViaCoordinator(DistributedPlan plan, TaskDistribution main) {
        CitusScan scan = plan.modifyScan().orElseThrow();
        boolean merge = CitusScan.MERGE.equals(scan.provider());
        String statement = merge ? "MERGE" : "INSERT ... SELECT";
        String source = merge ? "source query" : "SELECT";
        String method = scan.methodLabel();
        String then = plan.kind() == PlanKind.REPARTITION
                ? "then its rows are repartitioned into the target's shards"
                : "then its rows are pulled to the coordinator and " + (merge ? "merged" : "inserted") + " from there";
        return "its " + statement + " uses method " + method + ": the " + source + " runs as " + main
                + inSchemas(plan, plan.mainJobs()) + ", " + then;
    }

    private static String where(TaskDistribution distribution) {
        if (distribution.perNode().size() == 1) {
            return distribution.label(distribution.perNode().keySet().iterator().next());
        }
        return distribution.toString();
    }
}

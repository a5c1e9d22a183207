package io.citustestkit.plan;

import io.citustestkit.metadata.NodeAddress;
import org.apiguardian.api.API;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * How the tasks of one or more jobs are spread over the nodes, for messages:
 * {@code 32 tasks on 2 workers: w1 16, w2 16}.
 *
 * <pre>{@code
 * plan.taskDistribution().toString();  // "3 tasks on 2 workers: w1 1, w2 2"
 * plan.taskDistribution().perNode();   // {w1:5432=1, w2:5432=2}
 * }</pre>
 *
 * @param taskCount the tasks the jobs run ({@code "Task Count"} summed)
 * @param perNode the listed tasks per node, sorted by node
 * @param coordinators the nodes of {@code perNode} that are the coordinator
 * @param repartition whether a job has dependent jobs (Citus then lists no task)
 */
@API(status = STABLE, since = "0.1")
public record TaskDistribution(int taskCount, Map<NodeAddress, Integer> perNode, Set<NodeAddress> coordinators,
                               boolean repartition) {

    private static final String COORDINATOR = "coordinator";

    /**
     * Creates the distribution, sorting its nodes.
     *
     * @param taskCount the tasks the jobs run ({@code "Task Count"} summed)
     * @param perNode the listed tasks per node, sorted by node
     * @param coordinators the nodes of {@code perNode} that are the coordinator
     * @param repartition whether a job has dependent jobs (Citus then lists no task)
     */
    public TaskDistribution {
        perNode = Collections.unmodifiableMap(new TreeMap<>(perNode));
        coordinators = Collections.unmodifiableSet(new TreeSet<>(coordinators));
    }

    /**
     * The distribution of the tasks of some jobs.
     *
     * @param jobs the jobs
     * @param isCoordinator tells which nodes are the coordinator
     * @return their distribution
     */
    public static TaskDistribution of(List<Job> jobs, java.util.function.Predicate<NodeAddress> isCoordinator) {
        Map<NodeAddress, Integer> perNode = new LinkedHashMap<>();
        Set<NodeAddress> coordinators = new TreeSet<>();
        int taskCount = 0;
        boolean repartition = false;
        for (Job job : jobs) {
            taskCount += job.taskCount();
            repartition |= job.hasDependentJobs();
            for (Task task : job.tasks()) {
                if (task.node() != null) {
                    perNode.merge(task.node(), 1, Integer::sum);
                    if (isCoordinator.test(task.node())) {
                        coordinators.add(task.node());
                    }
                }
            }
        }
        return new TaskDistribution(taskCount, perNode, coordinators, repartition);
    }

    /** {@return the number of tasks listed with their node} */
    public int listedTasks() {
        return perNode.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@return the tasks per node as {@code w1 16, w2 16}; a node is named by host unless two share a host} */
    public String perNodeText() {
        StringBuilder text = new StringBuilder();
        perNode.forEach((node, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(label(node)).append(' ').append(count));
        return text.toString();
    }

    /**
     * A node's name in messages: its host (or host:port if two nodes share a host), prefixed with
     * "coordinator " if it is the coordinator and not already named so.
     *
     * @param node a node of the distribution
     * @return its name
     */
    public String label(NodeAddress node) {
        long sameHost = perNode.keySet().stream().filter(n -> n.host().equals(node.host())).count();
        String name = sameHost > 1 ? node.toString() : node.host();
        if (!coordinators.contains(node) || name.equalsIgnoreCase(COORDINATOR)) {
            return name;
        }
        return COORDINATOR + " " + name;
    }

    /**
     * The distribution in words: {@code 32 tasks on 2 workers: w1 16, w2 16}, {@code 1 task on w1},
     * {@code 12 tasks (Citus lists no task of a re-partition query)}.
     */
    @Override
    public String toString() {
        String tasks = plural(taskCount, "task");
        int listed = listedTasks();
        if (taskCount == 0) {
            return tasks;
        }
        if (listed == 0) {
            return tasks + (repartition
                    ? " (Citus lists no task of a re-partition query)"
                    : " (EXPLAIN listed none of them)");
        }
        if (listed < taskCount) {
            return tasks + " (EXPLAIN listed " + listed + ": " + perNodeText() + ")";
        }
        if (perNode.size() == 1) {
            return tasks + " on " + label(perNode.keySet().iterator().next());
        }
        String nodes = coordinators.isEmpty() ? plural(perNode.size(), "worker") : plural(perNode.size(), "node");
        return tasks + " on " + nodes + ": " + perNodeText();
    }

    static String plural(int count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}

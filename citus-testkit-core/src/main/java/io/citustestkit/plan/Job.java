package io.citustestkit.plan;

import org.apiguardian.api.API;

import java.util.List;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * The job of one Citus custom scan ({@code "Distributed Query" -> "Job"}): its task count and the
 * tasks EXPLAIN listed.
 *
 * <pre>{@code
 * Job job = plan.jobs().get(0);
 * job.taskCount();        // 32, from "Task Count"
 * job.tasks().size();     // 32 with citus.explain_all_tasks on, 1 with Citus's default
 * job.allTasksListed();   // true with citus.explain_all_tasks on
 * }</pre>
 *
 * @param taskCount {@code "Task Count"}: how many tasks the job runs
 * @param tasksShown {@code "Tasks Shown"}, e.g. {@code All} or {@code One of 32}
 * @param tasks the tasks EXPLAIN listed
 * @param dependentJobs the repartition jobs that run first ({@code "Dependent Jobs"})
 */
@API(status = STABLE, since = "0.1")
public record Job(int taskCount, String tasksShown, List<Task> tasks, List<DependentJob> dependentJobs) {

    /**
     * Creates the job, copying its lists.
     *
     * @param taskCount {@code "Task Count"}: how many tasks the job runs
     * @param tasksShown {@code "Tasks Shown"}, e.g. {@code All} or {@code One of 32}
     * @param tasks the tasks EXPLAIN listed
     * @param dependentJobs the repartition jobs that run first ({@code "Dependent Jobs"})
     */
    public Job {
        tasks = List.copyOf(tasks);
        dependentJobs = List.copyOf(dependentJobs);
    }

    /** {@return whether every task of the job is listed (Citus lists none for repartition joins)} */
    public boolean allTasksListed() {
        return tasks.size() == taskCount;
    }

    /** {@return whether the job needs repartition jobs first} */
    public boolean hasDependentJobs() {
        return !dependentJobs.isEmpty();
    }
}

package io.citustestkit.plan;

import org.apiguardian.api.API;

import java.util.List;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * A map/merge job a repartition join runs before its main job ({@code "Dependent Jobs"} in
 * Citus's EXPLAIN; Citus does not list the tasks of such plans).
 *
 * <pre>{@code
 * DependentJob job = plan.dependentJobs().get(0);
 * job.mapTaskCount();    // 32
 * job.mergeTaskCount();  // 12
 * }</pre>
 *
 * @param mapTaskCount {@code "Map Task Count"}
 * @param mergeTaskCount {@code "Merge Task Count"}
 * @param dependentJobs the jobs this one depends on in turn
 */
@API(status = STABLE, since = "0.1")
public record DependentJob(int mapTaskCount, int mergeTaskCount, List<DependentJob> dependentJobs) {

    /**
     * Creates the job, copying its dependent jobs.
     *
     * @param mapTaskCount {@code "Map Task Count"}
     * @param mergeTaskCount {@code "Merge Task Count"}
     * @param dependentJobs the jobs this one depends on in turn
     */
    public DependentJob {
        dependentJobs = List.copyOf(dependentJobs);
    }

    @Override
    public String toString() {
        return "map " + mapTaskCount + " tasks, merge " + mergeTaskCount + " tasks";
    }
}

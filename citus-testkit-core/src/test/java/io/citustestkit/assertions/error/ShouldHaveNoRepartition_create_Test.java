package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.Recordings;
import org.junit.jupiter.api.Test;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldHaveNoRepartition.shouldHaveNoRepartition;
import static org.assertj.core.api.BDDAssertions.then;

class ShouldHaveNoRepartition_create_Test {

    @Test
    void should_show_the_repartition_method_of_an_insert_select() {
        // GIVEN
        DistributedPlan plan = Recordings.plan("insert_select_repartition");
        // WHEN
        String message = create(shouldHaveNoRepartition(plan));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting query:%n"
                + "  INSERT INTO products (id, name) SELECT id, event_type FROM events%n"
                + "to need no repartition between the workers%n"
                + "but its INSERT ... SELECT uses method repartition: the SELECT runs as 32 tasks on 2 workers:"
                + " w1 16, w2 16, then its rows are repartitioned into the target's shards.%n"
                + "Classification: REPARTITION (repartitioned between the workers)%n"
                + "Plan:%n"
                + "  Custom Scan (Citus INSERT ... SELECT)%n"
                + "    INSERT/SELECT method: repartition%n"
                + "    Select Query%n"
                + "      Custom Scan (Citus Adaptive)%n"
                + "        Task Count: 32 (w1 16, w2 16)"));
    }

    @Test
    void should_show_the_dependent_jobs_of_a_repartition_join() {
        // GIVEN
        DistributedPlan plan = Recordings.plan(Recordings.CITUS_12, Recordings.REPARTITION_JOIN, true);
        // WHEN
        String message = create(shouldHaveNoRepartition(plan));
        // THEN
        then(message).contains(String.format("to need no repartition between the workers%n"
                + "but it is a repartition join: 2 dependent map/merge jobs (map 32 tasks, merge 12 tasks;"
                + " map 32 tasks, merge 12 tasks) repartition the data between the workers before 12 tasks"
                + " join it.%n"));
    }
}

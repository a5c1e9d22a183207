package io.citustestkit.plan;

import io.citustestkit.metadata.ShardCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanExcerptTest {

    @Test
    void should_render_node_types_scans_and_task_counts() {
        assertThat(PlanExcerpt.render(Recordings.plan("insert_select_pull_to_coordinator"))).isEqualTo("""
                Custom Scan (Citus INSERT ... SELECT)
                  INSERT/SELECT method: pull to coordinator
                  Select Query
                    Limit
                      Result
                        Sort
                          Custom Scan (Citus Adaptive)
                            Task Count: 32 (w1 16, w2 16)""");
    }

    @Test
    void should_cut_a_long_plan_at_fifteen_lines() {
        // GIVEN a plain plan 20 levels deep
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            json.append("{\"Node Type\": \"Level ").append(i).append("\", \"Plans\": [");
        }
        json.append("{\"Node Type\": \"Leaf\"}").append("]}".repeat(20));
        DistributedPlan plan = DistributedPlan.of(SqlQuery.of("SELECT ..."),
                PlanParser.parse("[{\"Plan\": " + json + "}]"), ShardCatalog.EMPTY);
        // WHEN
        String excerpt = PlanExcerpt.render(plan);
        // THEN
        assertThat(excerpt.lines()).hasSize(PlanExcerpt.MAX_LINES);
        assertThat(excerpt.lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("... (7 more lines)");
    }
}

package io.citustestkit.plan;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.ShardCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlanParserTest {

    @Test
    void should_read_the_node_and_shard_of_a_router_task() {
        // WHEN
        PlanNode root = PlanParser.parse(Recordings.explainOutput(Recordings.CITUS_14, "router_select", true));
        // THEN
        assertThat(root.label()).isEqualTo("Custom Scan (Citus Adaptive)");
        Job job = root.citusScan().job();
        assertThat(job.taskCount()).isEqualTo(1);
        assertThat(job.tasksShown()).isEqualTo("All");
        Task task = job.tasks().get(0);
        assertThat(task.node()).isEqualTo(new NodeAddress("w1", 5432));
        assertThat(task.query()).as("shown with VERBOSE only").isNull();
        assertThat(task.shards()).as("from the remote plan").containsExactly(new ShardRelation("events_102054", "events", 102054));
        assertThat(task.remotePlan().label()).isEqualTo("Bitmap Heap Scan on events_102054");
    }

    @Test
    void should_read_the_query_of_a_task_and_take_its_shards_from_it_with_verbose() {
        // WHEN
        PlanNode root = PlanParser.parse(Recordings.explainOutput(Recordings.verbose(Recordings.CITUS_14),
                "router_select", true));
        // THEN
        Task task = root.citusScan().job().tasks().get(0);
        assertThat(task.query()).startsWith("SELECT ").contains(" FROM public.events_102054 events WHERE ");
        assertThat(task.shards()).containsExactly(new ShardRelation("events_102054", "events", 102054));
        assertThat(task.remotePlan().label()).isEqualTo("Seq Scan on events_102054");
    }

    @Test
    void should_take_the_task_count_from_task_count_not_from_the_listed_tasks() {
        // WHEN
        PlanNode root = PlanParser.parse(Recordings.explainOutput(Recordings.CITUS_12, "multi_shard_count", false));
        // THEN
        Job job = root.children().get(0).citusScan().job();
        assertThat(job.taskCount()).isEqualTo(32);
        assertThat(job.tasks()).hasSize(1);
        assertThat(job.tasksShown()).isEqualTo("One of 32");
        assertThat(job.allTasksListed()).isFalse();
    }

    @Test
    void should_read_the_modify_table_of_a_multi_row_insert_as_its_shard() {
        // WHEN
        PlanNode root = PlanParser.parse(Recordings.explainOutput(Recordings.CITUS_14, "multi_row_insert", true));
        // THEN
        assertThat(root.citusScan().job().tasks()).extracting(t -> t.remotePlan().label())
                .containsExactly("Insert on events_102041", "Insert on events_102055", "Insert on events_102064");
    }

    @Test
    void should_read_the_dependent_jobs_of_a_repartition_join() {
        // WHEN
        PlanNode root = PlanParser.parse(Recordings.explainOutput(Recordings.CITUS_14, Recordings.REPARTITION_JOIN, true));
        // THEN
        Job job = root.children().get(0).citusScan().job();
        assertThat(job.taskCount()).isEqualTo(12);
        assertThat(job.tasks()).isEmpty();
        assertThat(job.dependentJobs()).containsExactly(new DependentJob(32, 12, java.util.List.of()),
                new DependentJob(32, 12, java.util.List.of()));
    }

    @Test
    void should_read_the_depended_jobs_key_of_older_citus_versions() {
        // GIVEN
        String json = """
                [{"Plan": {"Node Type": "Custom Scan", "Custom Plan Provider": "Citus Task-Tracker",
                  "Distributed Query": {"Job": {"Task Count": 4, "Tasks Shown": "None, not supported for re-partition queries",
                    "Depended Jobs": [{"Map Task Count": 2, "Merge Task Count": 4,
                      "Depended Jobs": [{"Map Task Count": 1, "Merge Task Count": 2}]}]}}}}]""";
        // WHEN
        PlanNode root = PlanParser.parse(json);
        // THEN
        DependentJob dependent = root.citusScan().job().dependentJobs().get(0);
        assertThat(dependent.mapTaskCount()).isEqualTo(2);
        assertThat(dependent.dependentJobs()).containsExactly(new DependentJob(1, 2, java.util.List.of()));
    }

    @Test
    void should_read_the_subplans_and_the_select_query() {
        // WHEN
        PlanNode cte = PlanParser.parse(Recordings.explainOutput(Recordings.CITUS_14, "cte_with_multi_shard_subplan", true));
        PlanNode insertSelect = PlanParser.parse(Recordings.explainOutput(Recordings.CITUS_14,
                "insert_select_repartition", true));
        // THEN
        assertThat(cte.citusScan().subplans()).hasSize(1);
        assertThat(cte.citusScan().subplans().get(0).plan().label()).isEqualTo("Limit");
        CitusScan scan = insertSelect.citusScan();
        assertThat(scan.provider()).isEqualTo(CitusScan.INSERT_SELECT);
        assertThat(scan.methodProperty()).isEqualTo("INSERT/SELECT method");
        assertThat(scan.method()).contains(ModifyWithSelectMethod.REPARTITION);
        assertThat(scan.job()).isNull();
        assertThat(scan.sourceQuery().citusScan().job().taskCount()).isEqualTo(32);
    }

    @Test
    void should_read_the_method_and_source_query_of_a_merge() {
        // GIVEN what Citus prints for a MERGE it cannot push down
        String json = """
                [{"Plan": {"Node Type": "Custom Scan", "Custom Plan Provider": "Citus MERGE INTO ...",
                  "MERGE INTO products method": "pull to coordinator",
                  "Source Query": [{"Plan": {"Node Type": "Custom Scan", "Custom Plan Provider": "Citus Adaptive",
                    "Distributed Query": {"Job": {"Task Count": 1, "Tasks Shown": "All", "Tasks": [
                      {"Node": "host=w1 port=5432 dbname=postgres",
                       "Remote Plan": [[{"Plan": {"Node Type": "Seq Scan", "Relation Name": "events_102040"}}]]}]}}}}]}}]""";
        // WHEN
        DistributedPlan plan = DistributedPlan.of(SqlQuery.of("MERGE INTO products ..."), PlanParser.parse(json),
                ShardCatalog.EMPTY);
        // THEN
        assertThat(plan.kind()).isEqualTo(PlanKind.PULL_TO_COORDINATOR);
        assertThat(plan.modifyScan().orElseThrow().methodProperty()).isEqualTo("MERGE INTO products method");
        assertThat(plan.excerpt()).isEqualTo("""
                Custom Scan (Citus MERGE INTO ...)
                  MERGE INTO products method: pull to coordinator
                  Source Query
                    Custom Scan (Citus Adaptive)
                      Task Count: 1 (w1 1)
                      Task on w1: events_102040""");
    }

    @Test
    void should_keep_a_task_whose_remote_plan_citus_could_not_fetch() {
        // GIVEN
        String json = """
                [{"Plan": {"Node Type": "Custom Scan", "Custom Plan Provider": "Citus Adaptive",
                  "Distributed Query": {"Job": {"Task Count": 1, "Tasks Shown": "All",
                    "Tasks": [{"Error": "Could not get remote plan."}]}}}}]""";
        // WHEN
        DistributedPlan plan = DistributedPlan.of(SqlQuery.of("SELECT 1"), PlanParser.parse(json), ShardCatalog.EMPTY);
        // THEN
        Task task = plan.tasks().get(0);
        assertThat(task.node()).isNull();
        assertThat(task.error()).isEqualTo("Could not get remote plan.");
        assertThat(task.readsNoShard()).as("an unknown remote plan is not a placeholder").isFalse();
        assertThat(plan.kind()).isEqualTo(PlanKind.ROUTER);
    }

    @Test
    void should_classify_a_job_without_tasks_as_pruned_to_zero_shards() {
        // GIVEN
        String json = """
                [{"Plan": {"Node Type": "Custom Scan", "Custom Plan Provider": "Citus Adaptive",
                  "Distributed Query": {"Job": {"Task Count": 0, "Tasks Shown": "All", "Tasks": []}}}}]""";
        // WHEN
        DistributedPlan plan = DistributedPlan.of(SqlQuery.of("UPDATE events SET x = 1 WHERE false"),
                PlanParser.parse(json), ShardCatalog.EMPTY);
        // THEN
        assertThat(plan.kind()).isEqualTo(PlanKind.ZERO_TASK);
        assertThat(plan.taskDistribution()).hasToString("0 tasks");
    }

    @Test
    void should_refuse_a_plan_explained_without_its_distributed_part() {
        // GIVEN
        String json = """
                [{"Plan": {"Node Type": "Custom Scan", "Custom Plan Provider": "Citus Adaptive",
                  "citus.explain_distributed_queries": false}}]""";
        // WHEN / THEN
        assertThatIllegalArgumentException().isThrownBy(() -> PlanParser.parse(json))
                .withMessageContaining("citus.explain_distributed_queries off");
    }

    @Test
    void should_refuse_the_text_format() {
        // GIVEN
        String text = "Custom Scan (Citus Adaptive)  (cost=0.00..0.00 rows=0 width=0)\n  Task Count: 1";
        // WHEN / THEN
        assertThatIllegalArgumentException().isThrownBy(() -> PlanParser.parse(text))
                .withMessageStartingWith("Expecting an EXPLAIN (FORMAT JSON) output but got text that is not JSON");
    }

    @Test
    void should_refuse_json_without_a_plan() {
        assertThatIllegalArgumentException().isThrownBy(() -> PlanParser.parse("[{\"Query\": 1}]"))
                .withMessageContaining("an array holding an object with a \"Plan\"");
    }

    @Test
    void should_read_a_plain_postgres_plan_without_citus_scan() {
        // GIVEN
        String json = """
                [{"Plan": {"Node Type": "Hash Join", "Plans": [
                   {"Node Type": "Seq Scan", "Relation Name": "app_settings"},
                   {"Node Type": "Hash", "Plans": [{"Node Type": "Seq Scan", "Relation Name": "flags"}]}]}}]""";
        // WHEN
        DistributedPlan plan = DistributedPlan.of(SqlQuery.of("SELECT ..."), PlanParser.parse(json), ShardCatalog.EMPTY);
        // THEN
        assertThat(plan.kind()).isEqualTo(PlanKind.LOCAL);
        assertThat(plan.hasCitusScan()).isFalse();
        assertThat(plan.taskCount()).isZero();
        assertThat(plan.excerpt()).isEqualTo("Hash Join\n  Seq Scan on app_settings\n  Hash\n    Seq Scan on flags");
    }
}

package io.citustestkit.plan;

import io.citustestkit.metadata.NodeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.citustestkit.plan.PlanKind.MULTI_SHARD;
import static io.citustestkit.plan.PlanKind.MULTI_SHARD_WITH_REFERENCE_JOIN;
import static io.citustestkit.plan.PlanKind.PULL_TO_COORDINATOR;
import static io.citustestkit.plan.PlanKind.RECURSIVE;
import static io.citustestkit.plan.PlanKind.REFERENCE_TABLE;
import static io.citustestkit.plan.PlanKind.REPARTITION;
import static io.citustestkit.plan.PlanKind.ROUTER;
import static io.citustestkit.plan.PlanKind.ZERO_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every recorded query, in both Citus versions, in both the default (one task of N listed) and the
 * all-tasks recordings, with and without {@code VERBOSE}, is parsed from its JSON output and
 * classified as the table below says. The recordings are the ground truth: e.g.
 * {@code insert_select_pushdown} is pulled to the coordinator, because the target's {@code bigserial}
 * default is evaluated there; {@code router_false_filter} is routed to one shard although the worker
 * folds its filter to false.
 */
class RecordedPlansClassificationTest {

    /** What a recorded plan must be: kind, "Task Count" summed, nodes of all tasks, shard groups, flags. */
    record Expected(String name, PlanKind kind, int taskCount, Set<String> nodes, int shardGroups,
                    boolean subplans, boolean repartition, boolean pulled) {
    }

    private static final Set<String> W1 = Set.of("w1");
    private static final Set<String> W2 = Set.of("w2");
    private static final Set<String> BOTH = Set.of("w1", "w2");
    private static final Set<String> COORD = Set.of("coord");
    private static final Set<String> NONE = Set.of();

    static final List<Expected> EXPECTED = List.of(
            new Expected("router_select", ROUTER, 1, W1, 1, false, false, false),
            new Expected("router_select_time_filter", ROUTER, 1, W1, 1, false, false, false),
            new Expected("router_colocated_join", ROUTER, 1, W1, 1, false, false, false),
            new Expected("router_reference_join", ROUTER, 1, W1, 2, false, false, false),
            new Expected("router_insert", ROUTER, 1, W1, 1, false, false, false),
            new Expected("multi_row_insert", MULTI_SHARD, 3, BOTH, 3, false, false, false),
            new Expected("router_update", ROUTER, 1, W1, 1, false, false, false),
            new Expected("router_delete", ROUTER, 1, W1, 1, false, false, false),
            new Expected("multi_shard_update", MULTI_SHARD, 32, BOTH, 32, false, false, false),
            new Expected("multi_shard_group_by", MULTI_SHARD, 32, BOTH, 32, false, false, false),
            new Expected("multi_shard_count", MULTI_SHARD, 32, BOTH, 32, false, false, false),
            new Expected("colocated_join_multi_shard", MULTI_SHARD, 32, BOTH, 32, false, false, false),
            new Expected("reference_join_multi_shard", MULTI_SHARD_WITH_REFERENCE_JOIN, 32, BOTH, 33, false, false,
                    false),
            new Expected("reference_select", REFERENCE_TABLE, 1, COORD, 1, false, false, false),
            new Expected("reference_insert", REFERENCE_TABLE, 1, COORD, 1, false, false, false),
            new Expected("cte_with_multi_shard_subplan", RECURSIVE, 64, BOTH, 32, true, false, false),
            new Expected("cte_router_inlined", ROUTER, 1, W2, 1, false, false, false),
            new Expected("insert_select_pushdown", PULL_TO_COORDINATOR, 32, BOTH, 32, false, false, true),
            new Expected("insert_select_router", PULL_TO_COORDINATOR, 1, W1, 1, false, false, true),
            new Expected("insert_select_repartition", REPARTITION, 32, BOTH, 32, false, true, false),
            new Expected("insert_select_pull_to_coordinator", PULL_TO_COORDINATOR, 32, BOTH, 32, false, false, true),
            new Expected(Recordings.REPARTITION_JOIN, REPARTITION, 12, NONE, 0, false, true, false),
            new Expected("in_list_two_tenants", MULTI_SHARD, 2, BOTH, 2, false, false, false),
            new Expected("contradiction_zero_tasks", ZERO_TASK, 1, NONE, 0, false, false, false),
            new Expected("text_tenant_router", ROUTER, 1, W1, 1, false, false, false));

    /**
     * Recorded with {@code VERBOSE} only: without the statement each task sends, a task whose filter the
     * worker folds to false shows no shard at all (its remote plan is a bare {@code Result}).
     */
    static final List<Expected> VERBOSE_ONLY = List.of(
            new Expected("router_false_filter", ROUTER, 1, W1, 1, false, false, false),
            new Expected("router_immutable_false_filter", ROUTER, 1, W1, 1, false, false, false),
            new Expected("router_hash_range_join_one_value", ROUTER, 1, W1, 1, false, false, false),
            new Expected("zero_tasks_join_false_filter", ZERO_TASK, 1, NONE, 0, false, false, false),
            new Expected(Recordings.CONTRADICTION_ROUND_ROBIN, ZERO_TASK, 1, NONE, 0, false, false, false));

    /** Recorded as {@code ERROR: ...}: what the server answered instead of a plan. */
    static final List<String> SERVER_ERRORS = List.of("non_colocated_join_no_repartition", "seed_bad_column");

    static Stream<Arguments> recordedPlans() {
        List<Arguments> arguments = new ArrayList<>();
        for (String version : Recordings.VERSIONS) {
            for (Expected expected : EXPECTED) {
                arguments.add(Arguments.of(version, expected, true));
                if (!expected.name().equals(Recordings.REPARTITION_JOIN)) {
                    arguments.add(Arguments.of(version, expected, false));
                }
            }
        }
        for (String version : Recordings.VERBOSE_VERSIONS) {
            for (Expected expected : verboseExpected()) {
                arguments.add(Arguments.of(version, expected, true));
                arguments.add(Arguments.of(version, expected, false));
            }
        }
        return arguments.stream();
    }

    static List<Expected> verboseExpected() {
        List<Expected> expected = new ArrayList<>(EXPECTED);
        expected.addAll(VERBOSE_ONLY);
        return expected;
    }

    static Stream<Arguments> recordedErrors() {
        List<Arguments> arguments = new ArrayList<>();
        for (String version : allVersionFolders()) {
            for (String name : SERVER_ERRORS) {
                arguments.add(Arguments.of(version, name, true));
                arguments.add(Arguments.of(version, name, false));
            }
        }
        return arguments.stream();
    }

    static List<String> allVersionFolders() {
        List<String> folders = new ArrayList<>(Recordings.VERSIONS);
        folders.addAll(Recordings.VERBOSE_VERSIONS);
        return folders;
    }

    @ParameterizedTest(name = "{0} {1} all tasks: {2}")
    @MethodSource("recordedPlans")
    void should_classify_every_recorded_plan(String version, Expected expected, boolean allTasks) {
        // WHEN
        DistributedPlan plan = Recordings.plan(version, expected.name(), allTasks);
        // THEN
        assertThat(plan.kind()).as("kind").isEqualTo(expected.kind());
        assertThat(plan.taskCount()).as("task count, from \"Task Count\"").isEqualTo(expected.taskCount());
        assertThat(plan.hasSubplans()).as("subplans").isEqualTo(expected.subplans());
        assertThat(plan.hasRepartition()).as("repartition").isEqualTo(expected.repartition());
        assertThat(plan.isPulledToCoordinator()).as("pulled to coordinator").isEqualTo(expected.pulled());
        assertThat(plan.isRoutedToSingleNode()).as("routed to a single node").isEqualTo(expected.kind() == ROUTER);
        Set<String> hosts = plan.nodes().stream().map(NodeAddress::host).collect(Collectors.toCollection(TreeSet::new));
        if (allTasks) {
            assertThat(hosts).as("nodes of all tasks").isEqualTo(expected.nodes());
            assertThat(plan.shardGroupCount()).as("shard groups").isEqualTo(expected.shardGroups());
            assertThat(plan.allTasksListed()).as("all tasks listed")
                    .isEqualTo(!expected.name().equals(Recordings.REPARTITION_JOIN));
        } else {
            assertThat(hosts).as("nodes of the listed tasks").isSubsetOf(expected.nodes());
            assertThat(plan.allTasksListed()).as("all tasks listed by default")
                    .isEqualTo(plan.jobs().stream().allMatch(job -> job.taskCount() <= 1));
        }
    }

    @ParameterizedTest(name = "{0} {1} all tasks: {2}")
    @MethodSource("recordedErrors")
    void should_refuse_a_recorded_server_error_as_a_plan(String version, String name, boolean allTasks) {
        // GIVEN
        String output = Recordings.explainOutput(version, name, allTasks);
        // WHEN / THEN
        assertThatIllegalArgumentException().isThrownBy(() -> PlanParser.parse(output))
                .withMessageStartingWith("Expecting an EXPLAIN (FORMAT JSON) output but got a server error: ERROR:");
        assertThat(Recordings.serverError(version, name).message()).isNotBlank();
    }

    @Test
    void should_cover_every_recorded_query_in_both_versions() throws IOException, URISyntaxException {
        for (String version : allVersionFolders()) {
            // GIVEN
            Set<String> covered = new TreeSet<>(SERVER_ERRORS);
            (Recordings.VERBOSE_VERSIONS.contains(version) ? verboseExpected() : EXPECTED)
                    .forEach(e -> covered.add(e.name()));
            // WHEN
            Path folder = Path.of(Recordings.class.getResource("/citus-explain/" + version).toURI());
            Set<String> recorded;
            try (Stream<Path> files = Files.list(folder)) {
                recorded = files.map(p -> p.getFileName().toString())
                        .filter(f -> f.endsWith(".json"))
                        .map(f -> f.replace(".default.json", "").replace(".json", ""))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            // THEN
            assertThat(recorded).as("recorded queries of " + version).isEqualTo(covered);
            assertThat(Recordings.queries().keySet()).as("queries.txt").containsAll(covered);
        }
    }
}

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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.citustestkit.plan.PlanKind.PULL_TO_COORDINATOR;
import static io.citustestkit.plan.PlanKind.RECURSIVE;
import static io.citustestkit.plan.PlanKind.REPARTITION;
import static io.citustestkit.plan.PlanKind.ROUTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Schema-based sharding: every query of {@code schema-based-queries.txt}, recorded on Citus 12.1 and
 * 14.0 ({@code EXPLAIN (FORMAT JSON, VERBOSE)}, all tasks and Citus's default), is classified as the
 * table below says, and names the distributed schemas its tasks touch. In the recorded cluster
 * {@code tenant_a} is on {@code w2}, {@code tenant_b} and {@code tenant_c} on {@code w1}, the
 * single-shard table {@code audit} on {@code w2}, and {@code products} is a reference table.
 */
class SchemaBasedPlansClassificationTest {

    /** What a recorded plan must be: kind, "Task Count" summed, nodes of all tasks, shard groups, schemas. */
    record Expected(String name, PlanKind kind, int taskCount, Set<String> nodes, int shardGroups,
                    Set<String> schemas) {
    }

    private static final Set<String> W1 = Set.of("w1");
    private static final Set<String> W2 = Set.of("w2");
    private static final Set<String> TENANT_A = Set.of("tenant_a");
    private static final Set<String> TENANTS_A_B = Set.of("tenant_a", "tenant_b");

    static final List<Expected> EXPECTED = List.of(
            new Expected("tenant_select", ROUTER, 1, W2, 1, TENANT_A),
            new Expected("tenant_count", ROUTER, 1, W2, 1, TENANT_A),
            new Expected("tenant_join", ROUTER, 1, W2, 1, TENANT_A),
            new Expected("tenant_reference_join", ROUTER, 1, W2, 2, TENANT_A),
            new Expected("tenant_insert", ROUTER, 1, W2, 1, TENANT_A),
            new Expected("tenant_update", ROUTER, 1, W2, 1, TENANT_A),
            new Expected("tenant_delete", ROUTER, 1, W2, 1, TENANT_A),
            new Expected("single_shard_select", ROUTER, 1, W2, 1, Set.of()),
            new Expected("cross_tenant_cte", RECURSIVE, 2, Set.of("w1", "w2"), 2, TENANTS_A_B),
            new Expected("cross_tenant_union", RECURSIVE, 3, Set.of("localhost", "w1", "w2"), 2, TENANTS_A_B),
            new Expected("cross_tenant_insert_select", PULL_TO_COORDINATOR, 1, W1, 1, Set.of("tenant_b")),
            new Expected(Recordings.CROSS_TENANT_JOIN_REPARTITION, REPARTITION, 12, Set.of(), 0, Set.of()));

    /** Recorded as {@code ERROR: ...}: what Citus answers instead of a plan. */
    static final List<String> SERVER_ERRORS = List.of("cross_tenant_join", "cross_tenant_join_same_node",
            "cross_tenant_update", "tenant_hash_join");

    static Stream<Arguments> recordedPlans() {
        List<Arguments> arguments = new ArrayList<>();
        for (String folder : Recordings.SCHEMA_BASED_VERSIONS) {
            for (Expected expected : EXPECTED) {
                arguments.add(Arguments.of(folder, expected, true));
                arguments.add(Arguments.of(folder, expected, false));
            }
        }
        return arguments.stream();
    }

    static Stream<Arguments> recordedErrors() {
        List<Arguments> arguments = new ArrayList<>();
        for (String folder : Recordings.SCHEMA_BASED_VERSIONS) {
            for (String name : SERVER_ERRORS) {
                arguments.add(Arguments.of(folder, name, true));
                arguments.add(Arguments.of(folder, name, false));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1} all tasks: {2}")
    @MethodSource("recordedPlans")
    void should_classify_every_recorded_plan(String folder, Expected expected, boolean allTasks) {
        // WHEN
        DistributedPlan plan = Recordings.plan(folder, expected.name(), allTasks);
        // THEN
        assertThat(plan.kind()).as("kind").isEqualTo(expected.kind());
        assertThat(plan.taskCount()).as("task count, from \"Task Count\"").isEqualTo(expected.taskCount());
        assertThat(plan.isRoutedToSingleNode()).as("routed to a single node").isEqualTo(expected.kind() == ROUTER);
        assertThat(plan.distributedSchemas()).as("distributed schemas of the listed tasks")
                .isSubsetOf(expected.schemas());
        Set<String> hosts = plan.nodes().stream().map(NodeAddress::host).collect(Collectors.toCollection(TreeSet::new));
        if (allTasks) {
            assertThat(hosts).as("nodes of all tasks").isEqualTo(expected.nodes());
            assertThat(plan.shardGroupCount()).as("shard groups").isEqualTo(expected.shardGroups());
            assertThat(plan.distributedSchemas()).as("distributed schemas").isEqualTo(expected.schemas());
        } else {
            assertThat(hosts).as("nodes of the listed tasks").isSubsetOf(expected.nodes());
        }
    }

    @ParameterizedTest(name = "{0} {1} all tasks: {2}")
    @MethodSource("recordedErrors")
    void should_refuse_a_recorded_server_error_as_a_plan(String folder, String name, boolean allTasks) {
        // GIVEN
        String output = Recordings.explainOutput(folder, name, allTasks);
        // WHEN / THEN
        assertThatIllegalArgumentException().isThrownBy(() -> PlanParser.parse(output))
                .withMessageStartingWith("Expecting an EXPLAIN (FORMAT JSON) output but got a server error: ERROR:");
        assertThat(Recordings.serverError(folder, name).message()).isNotBlank();
    }

    @Test
    void should_count_the_tables_of_one_distributed_schema_as_one_shard_group() {
        // GIVEN orders and customers of tenant_a, joined by one task
        DistributedPlan plan = Recordings.schemaBasedPlan("tenant_join");
        // WHEN / THEN
        assertThat(plan.shards()).extracting(ShardRelation::relationName)
                .containsExactly("orders_102014", "customers_102013");
        assertThat(plan.shardGroupCount()).as("one shard group: the schema's").isEqualTo(1);
    }

    @Test
    void should_name_the_schema_each_subplan_of_a_cross_tenant_query_reads() {
        // GIVEN the CTE reading tenant_b, then the main query on tenant_a
        DistributedPlan plan = Recordings.schemaBasedPlan("cross_tenant_cte");
        // WHEN / THEN
        assertThat(plan.distributedSchemas(plan.jobsOf(plan.subplans().get(0)))).containsExactly("tenant_b");
        assertThat(plan.distributedSchemas(plan.mainJobs())).containsExactly("tenant_a");
    }

    @Test
    void should_cover_every_recorded_query_in_both_versions() throws IOException, URISyntaxException {
        for (String folder : Recordings.SCHEMA_BASED_VERSIONS) {
            // GIVEN
            Set<String> covered = new TreeSet<>(SERVER_ERRORS);
            EXPECTED.forEach(e -> covered.add(e.name()));
            // WHEN
            Path path = Path.of(Recordings.class.getResource("/citus-explain/" + folder).toURI());
            Set<String> recorded;
            try (Stream<Path> files = Files.list(path)) {
                recorded = files.map(p -> p.getFileName().toString())
                        .filter(f -> f.endsWith(".json"))
                        .map(f -> f.replace(".default.json", "").replace(".json", ""))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            // THEN
            assertThat(recorded).as("recorded queries of " + folder).isEqualTo(covered);
            assertThat(Recordings.schemaBasedQueries().keySet()).as("schema-based-queries.txt").isEqualTo(covered);
        }
    }
}

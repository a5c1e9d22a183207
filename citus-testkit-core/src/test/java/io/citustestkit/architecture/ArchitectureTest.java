package io.citustestkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.citustestkit.testsupport.ApiStatusRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-way rules of core's design, checked on its compiled main classes:
 * <pre>
 *   io.citustestkit (the API and the cluster's life cycle) -> snapshot, node, docker, recording, schema, metadata, sql, commons
 *   snapshot -> node, docker, schema, commons;  node -> docker, recording, metadata, commons;  docker -> commons
 *   assertions -> recording, plan, metadata, sql, commons;  recording -> plan, metadata, sql, commons
 *   plan -> metadata, sql, commons;  schema -> sql, commons;  metadata -> commons
 *   sql, commons -> nothing of the kit
 *   report -> recording, plan, metadata, sql, commons; nothing in core depends on the report
 * </pre>
 * Plan, metadata, assertions, schema and sql work on any DataSource and know nothing of containers;
 * nothing in core knows JUnit; the cluster's helpers stay package-private, and the machinery it uses
 * (snapshot, node, docker) is public only as far as the root package needs it, every type there marked
 * {@code @API(status = INTERNAL)}. The root package stays small enough to read: at most
 * {@value #MAX_ROOT_FILES} files.
 */
class ArchitectureTest {

    private static final String ROOT = "io.citustestkit";
    private static final String[] INTERNAL_PACKAGES = {ROOT + ".snapshot", ROOT + ".node", ROOT + ".docker"};
    static final int MAX_ROOT_FILES = 15;
    private static final String[] CONTAINER_FREE = {ROOT + ".plan..", ROOT + ".metadata..", ROOT + ".assertions..",
            ROOT + ".schema..", ROOT + ".sql..", ROOT + ".commons..", ROOT + ".recording..",
            ROOT + ".report.."};

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void should_give_every_public_type_an_api_status() {
        ApiStatusRules.everyPublicTypeHasAnApiStatus().check(core);
    }

    @Test
    void should_mark_every_public_type_of_snapshot_node_and_docker_internal() {
        Set<String> notInternal = new TreeSet<>();
        core.stream()
                .filter(type -> Set.of(INTERNAL_PACKAGES).contains(type.getPackageName()))
                .filter(ApiStatusRules::isPublicTopLevel)
                .filter(type -> !ApiStatusRules.isInternal(type))
                .forEach(type -> notInternal.add(type.getName()));

        assertThat(notInternal).as("public types of the internal packages snapshot, node and docker not marked @API(status = INTERNAL)")
                .isEmpty();
        assertThat(core.stream().map(type -> type.getPackageName()).distinct())
                .as("the internal packages exist (a rename must update this test)").contains(INTERNAL_PACKAGES);
    }

    @Test
    void should_keep_the_internal_packages_free_of_the_cluster_api() {
        noClasses().that().resideInAnyPackage(INTERNAL_PACKAGES)
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .because("the cluster's life cycle uses its machinery, never the other way round (what they need is passed in)")
                .check(core);
        noClasses().that().resideInAnyPackage(ROOT + ".node", ROOT + ".docker")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".snapshot")
                .check(core);
        noClasses().that().resideInAPackage(ROOT + ".docker")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".node")
                .check(core);
    }

    @Test
    void should_keep_the_root_package_small() throws IOException {
        Path root = Path.of("src/main/java/io/citustestkit");
        try (Stream<Path> files = Files.list(root)) {
            List<String> names = files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
            assertThat(names).as("the files of %s: the API and the cluster's life cycle; the machinery goes into a package of its own", root)
                    .hasSizeLessThanOrEqualTo(MAX_ROOT_FILES);
        }
    }

    @Test
    void should_have_no_cycles_between_packages() {
        slices().matching("io.(citustestkit).(**)").should().beFreeOfCycles().check(core);
        slices().matching("io.(**)").should().beFreeOfCycles().check(core);
    }

    @Test
    void should_keep_containers_out_of_plan_metadata_assertions_schema_and_sql() {
        noClasses().that().resideInAnyPackage(CONTAINER_FREE)
                .should().dependOnClassesThat().resideInAnyPackage("org.testcontainers..", "com.github.dockerjava..")
                .because("the plan model, the metadata reader and the assertions work on any DataSource")
                .check(core);
    }

    @Test
    void should_keep_the_cluster_out_of_plan_metadata_assertions_schema_and_sql() {
        noClasses().that().resideInAnyPackage(CONTAINER_FREE)
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .because("only the outer layers (the JUnit extension, users) know the cluster")
                .check(core);
    }

    @Test
    void should_know_no_junit_in_main_code() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
                .because("core is usable from any test framework; JUnit support lives in citus-testkit-junit5")
                .check(core);
    }

    @Test
    void should_keep_sql_and_commons_at_the_bottom() {
        noClasses().that().resideInAnyPackage(ROOT + ".sql..", ROOT + ".commons..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT, ROOT + ".plan..", ROOT + ".metadata..",
                        ROOT + ".assertions..", ROOT + ".schema..")
                .check(core);
        noClasses().that().resideInAnyPackage(ROOT + ".commons..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".sql..")
                .check(core);
    }

    @Test
    void should_let_the_metadata_reader_and_the_schema_runner_ignore_plans_and_assertions() {
        noClasses().that().resideInAnyPackage(ROOT + ".metadata..", ROOT + ".schema..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".plan..", ROOT + ".assertions..")
                .check(core);
        noClasses().that().resideInAnyPackage(ROOT + ".plan..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".assertions..", ROOT + ".schema..", ROOT + ".recording..")
                .check(core);
        noClasses().that().resideInAnyPackage(ROOT + ".recording..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".assertions..", ROOT + ".schema..")
                .check(core);
    }

    @Test
    void should_build_the_report_on_recording_only_and_keep_it_at_the_top() {
        noClasses().that().resideInAPackage(ROOT + ".report..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT, ROOT + ".assertions..", ROOT + ".schema..")
                .because("the report reads recorded statements; it knows no cluster, assertion or schema runner")
                .check(core);
        noClasses().that().resideOutsideOfPackage(ROOT + ".report..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".report..")
                .because("only the outer layers (the JUnit extension, the benchmarks) write reports")
                .check(core);
    }

    @Test
    void should_expose_only_the_cluster_api_from_the_cluster_package() {
        Set<String> publicTypes = new TreeSet<>();
        core.stream()
                .filter(type -> type.getPackageName().equals(ROOT))
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .forEach(type -> publicTypes.add(type.getName().substring(ROOT.length() + 1)));

        assertThat(publicTypes).as("the public API of io.citustestkit; every other class there is a package-private helper")
                .containsExactlyInAnyOrder("CitusTestCluster", "CitusTestCluster$Builder", "CitusNode", "CitusNode$Role",
                        "CitusImage", "ClusterStartException", "ContainerLabels", "DockerEnvironment");
    }
}

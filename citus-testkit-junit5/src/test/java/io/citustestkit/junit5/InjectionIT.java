package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fields and parameters of every supported kind receive the class's cluster. All fixtures run in one
 * engine run, so they share one cluster.
 */
@EnabledIfCitusImage
class InjectionIT {

    private static final Map<String, CitusTestCluster> CLUSTERS = new ConcurrentHashMap<>();
    private static EngineExecutionResults results;

    @BeforeAll
    static void runFixtures() {
        results = EngineRuns.run(StaticFieldCase.class, InstanceFieldCase.class, ParameterCase.class, PerClassLifecycleCase.class,
                NestedCase.class, UnsupportedParameterTypeCase.class, CompetingResolverCase.class);
    }

    @Test
    void should_inject_static_fields_before_BeforeAll_methods() {
        EngineRuns.assertSucceeded(results, StaticFieldCase.class);
    }

    @Test
    void should_inject_instance_fields_before_BeforeEach_methods() {
        EngineRuns.assertSucceeded(results, InstanceFieldCase.class);
    }

    @Test
    void should_resolve_constructor_lifecycle_and_test_method_parameters() {
        EngineRuns.assertSucceeded(results, ParameterCase.class);
    }

    @Test
    void should_inject_instance_fields_before_BeforeAll_methods_of_a_per_class_lifecycle() {
        EngineRuns.assertSucceeded(results, PerClassLifecycleCase.class);
    }

    @Test
    void should_give_a_nested_class_the_cluster_of_its_enclosing_class() {
        EngineRuns.assertSucceeded(results, NestedCase.class);
        assertThat(CLUSTERS.get("NestedCase.Inner")).isSameAs(CLUSTERS.get("NestedCase"));
    }

    @Test
    void should_give_every_class_of_the_configuration_the_same_cluster() {
        assertThat(Set.copyOf(CLUSTERS.values())).hasSize(1);
        assertThat(CLUSTERS).containsOnlyKeys("StaticFieldCase", "InstanceFieldCase", "ParameterCase", "PerClassLifecycleCase",
                "NestedCase", "NestedCase.Inner", "CompetingResolverCase");
    }

    @Test
    void should_fail_a_resource_parameter_of_an_unsupported_type_and_say_what_is_supported() throws NoSuchMethodException {
        var parameter = UnsupportedParameterTypeCase.class.getDeclaredMethod("test", Connection.class).getParameters()[0];

        assertThat(EngineRuns.failureOf(results, UnsupportedParameterTypeCase.class))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessage(Messages.unsupportedType(Messages.parameter(parameter), Connection.class));
    }

    @Test
    void should_leave_an_annotated_parameter_to_the_resolver_its_annotation_asks_for_and_resolve_the_unannotated_and_marked_ones() {
        EngineRuns.assertSucceeded(results, CompetingResolverCase.class);
    }

    private static void assertUsable(CitusTestCluster cluster, DataSource dataSource) {
        assertThat(cluster).isNotNull();
        assertThat(dataSource).isSameAs(cluster.dataSource());
        assertThat(Sql.queryLong(dataSource, "SELECT 1")).isEqualTo(1);
    }

    // ---------------------------------------------------------------- fixtures

    @TestCluster
    static class StaticFieldCase {
        @CitusResource
        static CitusTestCluster cluster;
        @CitusResource
        private static DataSource dataSource;

        @BeforeAll
        static void beforeAll() {
            assertUsable(cluster, dataSource);
        }

        @Test
        void test() {
            assertUsable(cluster, dataSource);
            CLUSTERS.put("StaticFieldCase", cluster);
        }
    }

    @TestCluster
    static class InstanceFieldCase {
        @CitusResource
        private CitusTestCluster cluster;
        @CitusResource
        private DataSource dataSource;

        @BeforeEach
        void beforeEach() {
            assertUsable(cluster, dataSource);
        }

        @Test
        void test() {
            CLUSTERS.put("InstanceFieldCase", cluster);
        }
    }

    @TestCluster
    static class ParameterCase {
        private final DataSource fromConstructor;

        ParameterCase(DataSource dataSource) {
            this.fromConstructor = dataSource;
        }

        @BeforeAll
        static void beforeAll(CitusTestCluster cluster, DataSource dataSource) {
            assertUsable(cluster, dataSource);
        }

        @BeforeEach
        void beforeEach(CitusTestCluster cluster, DataSource dataSource) {
            assertUsable(cluster, dataSource);
        }

        @Test
        void test(CitusTestCluster cluster, DataSource dataSource, @CitusResource DataSource marked) {
            assertUsable(cluster, dataSource);
            assertThat(marked).isSameAs(dataSource);
            assertThat(fromConstructor).isSameAs(dataSource);
            CLUSTERS.put("ParameterCase", cluster);
        }
    }

    @TestCluster
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassLifecycleCase {
        @CitusResource
        CitusTestCluster cluster;
        @CitusResource
        DataSource dataSource;

        @BeforeAll
        void beforeAll() {
            assertUsable(cluster, dataSource);
        }

        @Test
        void test() {
            CLUSTERS.put("PerClassLifecycleCase", cluster);
        }
    }

    @TestCluster
    static class NestedCase {
        @CitusResource
        static CitusTestCluster outer;

        @Test
        void test() {
            CLUSTERS.put("NestedCase", outer);
        }

        @Nested
        class Inner {
            @CitusResource
            CitusTestCluster inner;

            @Test
            void test(DataSource dataSource) {
                assertUsable(inner, dataSource);
                CLUSTERS.put("NestedCase.Inner", inner);
            }
        }
    }

    /** Asks another resolver for a DataSource, the way Spring's @Autowired does. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @interface FromOtherResolver {
    }

    /** Resolves {@code @FromOtherResolver DataSource} parameters, like Spring's resolver resolves {@code @Autowired} ones. */
    static class OtherResolver implements ParameterResolver {
        static final DataSource OTHER = new PGSimpleDataSource();

        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return parameterContext.isAnnotated(FromOtherResolver.class);
        }

        @Override
        public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return OTHER;
        }
    }

    @TestCluster
    @ExtendWith(OtherResolver.class)
    static class CompetingResolverCase {
        @Test
        void test(@FromOtherResolver DataSource others, DataSource unmarked, @CitusResource DataSource marked, CitusTestCluster cluster) {
            assertThat(others).isSameAs(OtherResolver.OTHER);
            assertUsable(cluster, unmarked);
            assertThat(marked).isSameAs(unmarked);
            CLUSTERS.put("CompetingResolverCase", cluster);
        }
    }

    @TestCluster
    static class UnsupportedParameterTypeCase {
        @Test
        void test(@CitusResource Connection connection) {
        }
    }
}

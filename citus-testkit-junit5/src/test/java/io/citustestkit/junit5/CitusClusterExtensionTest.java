package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;

import io.citustestkit.ClusterStartException;
import io.citustestkit.DockerEnvironment;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;

/**
 * The extension's behaviour that needs no cluster: configuration errors are reported before anything
 * starts, and a missing Docker (simulated with {@link DockerIsMissing}) skips or fails as asked.
 */
class CitusClusterExtensionTest {

    @Test
    void should_fail_a_class_whose_static_resource_field_has_an_unsupported_type() throws Exception {
        EngineExecutionResults results = EngineRuns.run(UnsupportedStaticFieldCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(EngineRuns.failureOf(results, UnsupportedStaticFieldCase.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(Messages.unsupportedType(Messages.field(field(UnsupportedStaticFieldCase.class, "name")), String.class))
                .hasMessageContaining("javax.sql.DataSource (a pooled connection to the coordinator) or "
                        + "io.citustestkit.CitusTestCluster (the running cluster)");
    }

    @Test
    void should_fail_a_class_whose_instance_resource_field_has_an_unsupported_type_before_starting_a_cluster() throws Exception {
        EngineExecutionResults results = EngineRuns.run(UnsupportedInstanceFieldCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(EngineRuns.failureOf(results, UnsupportedInstanceFieldCase.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(Messages.unsupportedType(Messages.field(field(UnsupportedInstanceFieldCase.class, "connection")),
                        Connection.class));
    }

    @Test
    void should_fail_a_class_whose_resource_field_is_final() throws Exception {
        EngineExecutionResults results = EngineRuns.run(FinalFieldCase.class);

        assertThat(EngineRuns.failureOf(results, FinalFieldCase.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(Messages.finalField(Messages.field(field(FinalFieldCase.class, "dataSource"))));
    }

    @Test
    void should_fail_a_resource_parameter_of_an_unsupported_type() throws Exception {
        EngineExecutionResults results = EngineRuns.run(UnsupportedParameterCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        Parameter parameter = UnsupportedParameterCase.class.getDeclaredMethod("test", String.class).getParameters()[0];
        assertThat(EngineRuns.failureOf(results, UnsupportedParameterCase.class))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessage(Messages.unsupportedType(Messages.parameter(parameter), String.class));
    }

    @Test
    void should_fail_a_resource_field_in_a_class_without_CitusCluster() throws Exception {
        EngineExecutionResults results = EngineRuns.run(StaticFieldWithoutAnnotationCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(EngineRuns.failureOf(results, StaticFieldWithoutAnnotationCase.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(Messages.missingAnnotation(Messages.field(field(StaticFieldWithoutAnnotationCase.class, "dataSource")),
                        StaticFieldWithoutAnnotationCase.class));
    }

    @Test
    void should_fail_a_resource_instance_field_in_a_class_without_CitusCluster() throws Exception {
        EngineExecutionResults results = EngineRuns.run(InstanceFieldWithoutAnnotationCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(EngineRuns.failureOf(results, InstanceFieldWithoutAnnotationCase.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(Messages.missingAnnotation(Messages.field(field(InstanceFieldWithoutAnnotationCase.class, "dataSource")),
                        InstanceFieldWithoutAnnotationCase.class));
    }

    @Test
    void should_fail_a_resource_parameter_in_a_class_without_CitusCluster() throws Exception {
        EngineExecutionResults results = EngineRuns.run(ParameterWithoutAnnotationCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        Parameter parameter = ParameterWithoutAnnotationCase.class.getDeclaredMethod("test", DataSource.class).getParameters()[0];
        assertThat(EngineRuns.failureOf(results, ParameterWithoutAnnotationCase.class))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessage(Messages.missingAnnotation(Messages.parameter(parameter), ParameterWithoutAnnotationCase.class));
    }

    @Test
    void should_reject_invalid_attributes_before_starting_anything() {
        EngineExecutionResults results = EngineRuns.run(NegativeWorkersCase.class);

        assertThat(EngineRuns.failureOf(results, NegativeWorkersCase.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@CitusCluster(workers = -1) on " + NegativeWorkersCase.class.getName() + " is invalid: ")
                .as("the builder's own rule, so the annotation and the builder cannot disagree")
                .hasMessageEndingWith(builderMessage(() -> CitusTestCluster.builder().workers(-1)));
    }

    @Test
    void should_skip_a_class_without_Docker_when_disabledWithoutDocker_is_true() {
        EngineExecutionResults results = EngineRuns.run(SkippedWithoutDockerCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container(SkippedWithoutDockerCase.class),
                        skippedWithReason(Messages.dockerMissingSkip(SkippedWithoutDockerCase.class))));
    }

    @Test
    void should_fail_a_class_without_Docker_loudly_by_default() {
        EngineExecutionResults results = EngineRuns.run(FailingWithoutDockerCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(EngineRuns.failureOf(results, FailingWithoutDockerCase.class))
                .isInstanceOf(ClusterStartException.class)
                .hasMessage(DockerEnvironment.notReachableMessage());
    }

    @Test
    void should_fail_every_class_of_a_configuration_with_the_first_failure_without_starting_again() {
        EngineExecutionResults results = EngineRuns.run(FailingWithoutDockerCase.class, SameConfigurationWithoutDockerCase.class);

        Throwable first = EngineRuns.failureOf(results, FailingWithoutDockerCase.class);
        Throwable second = EngineRuns.failureOf(results, SameConfigurationWithoutDockerCase.class);
        ClusterSpec spec = ClusterSpec.of(FailingWithoutDockerCase.class.getAnnotation(CitusCluster.class),
                FailingWithoutDockerCase.class);
        assertThat(second)
                .isInstanceOf(ClusterStartException.class)
                .hasMessage(Messages.startFailedEarlier(spec.toString(), FailingWithoutDockerCase.class.getName(), first))
                .cause().as("the first class's failure, not a new attempt's").isSameAs(first);
    }

    @Test
    void should_not_skip_without_Docker_when_running_against_an_existing_cluster() {
        String unreachable = "jdbc:postgresql://127.0.0.1:1/citus";

        EngineExecutionResults results = EngineRuns.run(Map.of(ExistingClusterSettings.URL_PROPERTY, unreachable),
                SkippedWithoutDockerCase.class);

        results.containerEvents().assertStatistics(stats -> stats.skipped(0));
        assertThat(EngineRuns.failureOf(results, SkippedWithoutDockerCase.class))
                .as("the class ran, so it reports the existing cluster it could not reach")
                .isInstanceOf(ClusterStartException.class)
                .hasMessageStartingWith("Could not connect to the existing Citus cluster at " + unreachable
                        + " (system property or configuration parameter citus.testkit.url): ")
                .hasMessageContaining("Connection to 127.0.0.1:1 refused")
                .hasMessageContaining("unset citus.testkit.url and CITUS_TESTKIT_URL to start a cluster in containers instead.");
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        return type.getDeclaredField(name);
    }

    // ---------------------------------------------------------------- fixtures

    @CitusCluster
    static class UnsupportedStaticFieldCase {
        @CitusResource
        static String name;

        @Test
        void test() {
        }
    }

    @CitusCluster
    static class UnsupportedInstanceFieldCase {
        @CitusResource
        Connection connection;

        @Test
        void test() {
        }
    }

    @CitusCluster
    static class FinalFieldCase {
        @CitusResource
        static final DataSource dataSource = null;

        @Test
        void test() {
        }
    }

    static class UnsupportedParameterCase {
        @Test
        void test(@CitusResource String name) {
        }
    }

    static class StaticFieldWithoutAnnotationCase {
        @CitusResource
        static DataSource dataSource;

        @Test
        void test() {
        }
    }

    static class InstanceFieldWithoutAnnotationCase {
        @CitusResource
        DataSource dataSource;

        @Test
        void test() {
        }
    }

    static class ParameterWithoutAnnotationCase {
        @Test
        void test(@CitusResource DataSource dataSource) {
        }
    }

    @CitusCluster(workers = -1)
    static class NegativeWorkersCase {
        @Test
        void test() {
        }
    }

    @ExtendWith(DockerIsMissing.class)
    @CitusCluster(disabledWithoutDocker = true)
    static class SkippedWithoutDockerCase {
        @Test
        void test() {
        }
    }

    @Order(1)
    @ExtendWith(DockerIsMissing.class)
    @CitusCluster(workers = 1, shardCount = 4)
    static class FailingWithoutDockerCase {
        @Test
        void test() {
        }
    }

    @Order(2)
    @ExtendWith(DockerIsMissing.class)
    @CitusCluster(workers = 1, shardCount = 4)
    static class SameConfigurationWithoutDockerCase {
        @Test
        void test() {
        }
    }

    /** What the builder itself says of an invalid value. */
    static String builderMessage(Runnable invalid) {
        return org.assertj.core.api.Assertions.catchIllegalArgumentException(invalid::run).getMessage();
    }
}

package io.citustestkit.junit5;

import io.citustestkit.ClusterStartException;
import io.citustestkit.DockerEnvironment;
import io.citustestkit.recording.RecordedStatements;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;

/**
 * The extension behind {@link CitusCluster @CitusCluster} (and {@link CitusResource @CitusResource}):
 * skips a class without Docker when asked to, starts or reuses the class's cluster before its tests,
 * injects fields and parameters, and keeps the tables clean between tests.
 *
 * <p>Clusters live in the root {@link ExtensionContext.Store} under {@link #NAMESPACE}, one
 * {@link ClusterSlot} per {@link ClusterSpec} (or per existing cluster and schema), so JUnit closes
 * them once at the end of the run. The class's {@link CitusClusterHandle} is prepared when the class is
 * evaluated, so integrations that build fixtures outside JUnit (Spring's application context) reach
 * the same cluster whatever order the extensions run in.
 *
 * <pre>{@code
 * @CitusCluster(schema = "classpath:schema.sql")   // registers this extension
 * class EventTest { ... }
 * }</pre>
 */
final class CitusClusterExtension implements ExecutionCondition, BeforeAllCallback, TestInstancePostProcessor,
        BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    static final Namespace NAMESPACE = Namespace.create(CitusClusterExtension.class);

    private static final String LEASE = "lease";
    private static final String RECORDING = "recording";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("@CitusCluster is evaluated once per class");
        }
        Class<?> testClass = context.getRequiredTestClass();
        Optional<CitusCluster> annotation = findAnnotation(testClass);
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no @CitusCluster");
        }
        prepareHandle(context, testClass, annotation.get());
        if (!annotation.get().disabledWithoutDocker()) {
            return ConditionEvaluationResult.enabled("@CitusCluster(disabledWithoutDocker = false)");
        }
        if (existingCluster(context).isPresent()) {
            return ConditionEvaluationResult.enabled("running against an existing Citus cluster; Docker is not needed");
        }
        if (dockerCheck(context).isAvailable()) {
            return ConditionEvaluationResult.enabled("Docker is available");
        }
        return ConditionEvaluationResult.disabled(Messages.dockerMissingSkip(testClass));
    }

    /**
     * Checks every {@code @CitusResource} field of the class, starts or reuses its cluster, then injects
     * the static fields.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        List<Field> fields = ResourceFields.ofStatics(testClass);
        Optional<CitusCluster> annotation = findAnnotation(testClass);
        if (annotation.isEmpty()) {
            requireNoFields(fields, testClass);
            return;
        }
        ResourceFields.validate(fields);
        ResourceFields.validate(ResourceFields.ofInstances(testClass));
        ResourceFields.inject(fields, null, cluster(context, testClass, annotation.get()));
    }

    /** Injects the instance {@code @CitusResource} fields as soon as the instance exists. */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        Class<?> testClass = testInstance.getClass();
        List<Field> fields = ResourceFields.ofInstances(testClass);
        if (fields.isEmpty()) {
            return;
        }
        Optional<CitusCluster> annotation = findAnnotation(testClass);
        if (annotation.isEmpty()) {
            requireNoFields(fields, testClass);
            return;
        }
        ResourceFields.validate(fields);
        ResourceFields.inject(fields, testInstance, cluster(context, testClass, annotation.get()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        CitusClusterHandle.forget(context.getRequiredTestClass());
    }

    /** Lets the test use the cluster's tables (alone, if its class cleans), cleaning first when needed. */
    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<CitusCluster> annotation = findAnnotation(testClass);
        if (annotation.isEmpty()) {
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                requireNoFields(ResourceFields.ofInstances(instance.getClass()), instance.getClass());
            }
            return;
        }
        SharedCluster cluster = cluster(context, testClass, annotation.get());
        CleanState cleanState = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                new CleanStateKey(cluster.databaseId()), key -> new CleanState(cluster.cleaner()), CleanState.class);
        String test = testClass.getName() + "." + context.getRequiredTestMethod().getName() + "()";
        boolean recording = TestRecording.isWanted(annotation.get(), context);
        context.getStore(NAMESPACE).put(LEASE, cleanState.enter(annotation.get().cleanup(), recording, testClass.getName(), test));
        if (recording) {
            context.getStore(NAMESPACE).put(RECORDING, TestRecording.start(cluster, test));
        }
    }

    /** Cleans the tables (in a cleaning mode) and lets the next tests in. */
    @Override
    public void afterEach(ExtensionContext context) {
        TestRecording recording = context.getStore(NAMESPACE).remove(RECORDING, TestRecording.class);
        CleanState.Lease lease = context.getStore(NAMESPACE).remove(LEASE, CleanState.Lease.class);
        try {
            if (recording != null) {
                recording.finish(findAnnotation(context.getRequiredTestClass()).orElseThrow(), context);
            }
        } finally {
            if (lease != null) {
                lease.close();
            }
        }
    }

    /** The parameters marked {@code @CitusResource}, and those of a supported type no other resolver is asked for: see {@link ParameterClaims}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return ParameterClaims.isClaimed(parameterContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        String target = Messages.parameter(parameterContext.getParameter());
        if (type == RecordedStatements.class) {
            return recordedStatements(extensionContext, target);
        }
        InjectedValues.requireSupported(type, target, ParameterResolutionException::new);
        Class<?> testClass = extensionContext.getRequiredTestClass();
        CitusCluster annotation = findAnnotation(testClass)
                .orElseThrow(() -> new ParameterResolutionException(Messages.missingAnnotation(target, testClass)));
        return InjectedValues.of(type, cluster(extensionContext, testClass, annotation), target,
                ParameterResolutionException::new);
    }

    private static RecordedStatements recordedStatements(ExtensionContext context, String target) {
        TestRecording recording = context.getStore(NAMESPACE).get(RECORDING, TestRecording.class);
        if (recording == null) {
            throw new ParameterResolutionException("Cannot resolve " + target + ": its statements are recorded only in test "
                    + "methods (and @BeforeEach/@AfterEach methods) of a class with @CitusCluster(recordStatements = true).");
        }
        return recording.statements();
    }

    // ---------------------------------------------------------------- the shared clusters

    private static SharedCluster cluster(ExtensionContext context, Class<?> testClass, CitusCluster annotation) {
        return slot(context, testClass, annotation).get(testClass.getName());
    }

    /** Prepares the class's {@link CitusClusterHandle}: its cluster's slot, or the configuration error the class fails with. */
    private static void prepareHandle(ExtensionContext context, Class<?> testClass, CitusCluster annotation) {
        ClusterSlot slot;
        try {
            slot = slot(context, testClass, annotation);
        } catch (RuntimeException e) {
            CitusClusterHandle.prepareFailed(testClass, e);
            return;
        }
        ClusterRelease release = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(new ClusterRelease.Key(slot),
                key -> new ClusterRelease(key.slot(), ClusterSpec.of(annotation, testClass).toString()), ClusterRelease.class);
        CitusClusterHandle.prepare(testClass, release);
    }

    private static ClusterSlot slot(ExtensionContext context, Class<?> testClass, CitusCluster annotation) {
        ClusterSpec spec = ClusterSpec.of(annotation, testClass);
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        Optional<ExistingClusterSettings> existing = existingCluster(context);
        ClusterSlot slot;
        if (existing.isPresent()) {
            ExistingClusterKey key = new ExistingClusterKey(existing.get(), spec.schema(), spec.shardCount(),
                    spec.schemaBasedSharding());
            slot = root.getOrComputeIfAbsent(key, k -> new ClusterSlot(k.toString(),
                    () -> ExistingCluster.connect(k.settings(), k.schema(), k.shardCount(), k.schemaBasedSharding())),
                    ClusterSlot.class);
        } else {
            DockerCheck docker = dockerCheck(context);
            slot = root.getOrComputeIfAbsent(spec, k -> new ClusterSlot(k.toString(), () -> startContainers(k, docker)),
                    ClusterSlot.class);
        }
        return slot;
    }

    private static SharedCluster startContainers(ClusterSpec spec, DockerCheck docker) {
        if (!docker.isAvailable()) {
            throw new ClusterStartException(DockerEnvironment.notReachableMessage());
        }
        return ManagedCluster.start(spec);
    }

    private static Optional<ExistingClusterSettings> existingCluster(ExtensionContext context) {
        return ExistingClusterSettings.find(context::getConfigurationParameter, System::getenv);
    }

    private static DockerCheck dockerCheck(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrDefault(DockerCheck.class, DockerCheck.class, DockerCheck.DOCKER);
    }

    // ---------------------------------------------------------------- finding @CitusCluster

    /**
     * The {@code @CitusCluster} that applies to {@code testClass}: on the class, a meta-annotation or a
     * superclass, else (for a {@code @Nested} class) on its enclosing classes, nearest first.
     */
    static Optional<CitusCluster> findAnnotation(Class<?> testClass) {
        for (Class<?> current = testClass; current != null; current = enclosingOfInner(current)) {
            Optional<CitusCluster> annotation = AnnotationSupport.findAnnotation(current, CitusCluster.class);
            if (annotation.isPresent()) {
                return annotation;
            }
        }
        return Optional.empty();
    }

    private static Class<?> enclosingOfInner(Class<?> type) {
        boolean inner = type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
        return inner ? type.getEnclosingClass() : null;
    }

    private static void requireNoFields(List<Field> fields, Class<?> testClass) {
        if (!fields.isEmpty()) {
            throw new ExtensionConfigurationException(Messages.missingAnnotation(Messages.field(fields.get(0)), testClass));
        }
    }

    /** The root-store key of a cluster the user already runs, with the schema applied to it. */
    private record ExistingClusterKey(ExistingClusterSettings settings, List<String> schema, int shardCount,
                                      boolean schemaBasedSharding) {

        @Override
        public String toString() {
            return "existing cluster " + settings.describe() + ", schema = " + schema + ", shardCount = " + shardCount;
        }
    }

    /** The root-store key of the {@link CleanState} of one database. */
    private record CleanStateKey(String databaseId) {
    }
}

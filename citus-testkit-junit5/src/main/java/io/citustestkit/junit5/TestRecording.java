package io.citustestkit.junit5;

import io.citustestkit.assertions.CitusAssertions;
import io.citustestkit.recording.RecordedStatements;
import io.citustestkit.recording.StatementRecorder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Optional;

/**
 * The statements of one test, for {@link CitusCluster#recordStatements()} and the suite-wide guard
 * {@link CitusCluster#failOnMultiShardStatements()} and the statement report: recording starts before
 * the test (after its turn on the cluster's tables began, so no other test's statements mix in) and
 * ends after it, when the test's statements go to the run's {@link StatementReportWriter}.
 *
 * <pre>{@code
 * TestRecording recording = TestRecording.start(cluster, "EventTest.should_store()");
 * ... the test ...
 * recording.finish(annotation, context); // fails the test if the guard finds a multi-shard statement
 * }</pre>
 */
@SuppressWarnings("deprecation") // CloseableResource: still how JUnit 5.10-5.12 closes stored values
final class TestRecording implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final StatementRecorder recorder;
    private final String test;
    private final String cluster;

    private TestRecording(StatementRecorder recorder, String test, String cluster) {
        this.recorder = recorder;
        this.test = test;
        this.cluster = cluster;
    }

    /** Whether the class records, or the run asks for the statement report ({@link ReportSettings}), which records every cluster. */
    static boolean isWanted(CitusCluster annotation, ExtensionContext context) {
        return annotation.recordStatements() || annotation.failOnMultiShardStatements()
                || ReportSettings.isRunWide(context::getConfigurationParameter, System::getenv);
    }

    static TestRecording start(SharedCluster cluster, String test) {
        return new TestRecording(cluster.testCluster().recordStatements(), test, cluster.description());
    }

    /** The test's statements so far: a live view. */
    RecordedStatements statements() {
        return recorder.statements();
    }

    /**
     * Ends the recording, hands the test's statements to the statement report and, with the guard on
     * and no {@link AllowMultiShardStatements} on the test or its class, fails the test for each
     * multi-shard statement it sent.
     */
    void finish(CitusCluster annotation, ExtensionContext context) {
        try {
            if (annotation.failOnMultiShardStatements() && allowance(context).isEmpty()) {
                try {
                    CitusAssertions.assertThatStatements(recorder.statements()).allRoutedToSingleWorker();
                } catch (AssertionError e) {
                    AssertionError failure = new AssertionError("@CitusCluster(failOnMultiShardStatements = true): " + test
                            + " sent statements that fanned out to several shards (or a call Citus delegated to a worker, whose work there is "
                            + "not seen). Give them the tenant's distribution value, or "
                            + "let this test through with @AllowMultiShardStatements(\"why\")." + e.getMessage());
                    failure.setStackTrace(new StackTraceElement[0]);
                    throw failure;
                }
            }
        } finally {
            close();
            StatementReportWriter.of(context).add(StatementReportWriter.of(cluster, context,
                    allowance(context).map(AllowMultiShardStatements::value).orElse(null), recorder.statements().all()));
        }
    }

    private static Optional<AllowMultiShardStatements> allowance(ExtensionContext context) {
        return context.getTestMethod().flatMap(method -> AnnotationSupport.findAnnotation(method, AllowMultiShardStatements.class))
                .or(() -> context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, AllowMultiShardStatements.class)));
    }

    @Override
    public void close() {
        recorder.close();
    }
}

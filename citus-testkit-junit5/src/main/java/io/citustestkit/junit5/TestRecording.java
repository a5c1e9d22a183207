package io.citustestkit.junit5;

import io.citustestkit.assertions.CitusAssertions;
import io.citustestkit.recording.RecordedStatements;
import io.citustestkit.recording.StatementRecorder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The statements of one test, for {@link CitusCluster#recordStatements()} and the suite-wide guard
 * {@link CitusCluster#failOnMultiShardStatements()}: recording starts before the test (after its
 * turn on the cluster's tables began, so no other test's statements mix in) and ends after it.
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

    private TestRecording(StatementRecorder recorder, String test) {
        this.recorder = recorder;
        this.test = test;
    }

    static boolean isWanted(CitusCluster annotation) {
        return annotation.recordStatements() || annotation.failOnMultiShardStatements();
    }

    static TestRecording start(SharedCluster cluster, String test) {
        return new TestRecording(cluster.testCluster().recordStatements(), test);
    }

    /** The test's statements so far: a live view. */
    RecordedStatements statements() {
        return recorder.statements();
    }

    /**
     * Ends the recording and, with the guard on and no {@link AllowMultiShardStatements} on the test or
     * its class, fails the test for each multi-shard statement it sent.
     */
    void finish(CitusCluster annotation, ExtensionContext context) {
        try {
            if (annotation.failOnMultiShardStatements() && !allowed(context)) {
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
        }
    }

    private static boolean allowed(ExtensionContext context) {
        return context.getTestMethod().map(method -> AnnotationSupport.isAnnotated(method, AllowMultiShardStatements.class))
                .orElse(false)
                || context.getTestClass().map(type -> AnnotationSupport.isAnnotated(type, AllowMultiShardStatements.class))
                .orElse(false);
    }

    @Override
    public void close() {
        recorder.close();
    }
}

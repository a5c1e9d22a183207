package io.citustestkit.report;

import io.citustestkit.recording.RecordedStatement;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The statements one test sent to one cluster: what the report is built from.
 *
 * <pre>{@code
 * new TestStatements("citus 14.0.1-pg18, 2 workers", "com.acme.EventTest", "should_store", null, recorder.statements().all());
 * }</pre>
 *
 * @param cluster which cluster the test ran on, as the report names its section
 * @param testClass the test's class, fully qualified
 * @param testMethod the test's method
 * @param allowedMultiShard why the test may send multi-shard statements ({@code @AllowMultiShardStatements}), or {@code null}
 * @param statements what it sent, in order
 */
@API(status = INTERNAL, since = "0.1")
public record TestStatements(String cluster, String testClass, String testMethod, String allowedMultiShard,
                             List<RecordedStatement> statements) {

    /**
     * Creates the test's statements.
     *
     * @param cluster which cluster the test ran on
     * @param testClass the test's class
     * @param testMethod the test's method
     * @param allowedMultiShard why it may fan out, or {@code null}
     * @param statements what it sent
     */
    public TestStatements {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(testClass, "testClass");
        Objects.requireNonNull(testMethod, "testMethod");
        statements = List.copyOf(statements);
    }

    /** {@return the test as the report names it: {@code com.acme.EventTest.should_store()}} */
    public String test() {
        return testClass + "." + testMethod + "()";
    }
}

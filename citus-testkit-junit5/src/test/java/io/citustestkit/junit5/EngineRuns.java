package io.citustestkit.junit5;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs fixture classes through the Jupiter engine, as the extension's tests do, and reads their
 * outcomes. Each run has its own root store, hence its own clusters.
 */
final class EngineRuns {

    static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";

    private EngineRuns() {
    }

    /** Runs the classes one after the other, in the order given. */
    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    /** Runs the classes with extra configuration parameters. */
    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
                .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                .configurationParameters(configuration)
                .execute();
    }

    /** Runs the classes concurrently (classes in parallel, the methods of a class one after the other). */
    static EngineExecutionResults runInParallel(Class<?>... classes) {
        return run(Map.of(PARALLEL, "true",
                "junit.jupiter.execution.parallel.mode.default", "same_thread",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(classes.length)), classes);
    }

    /** The failure that ended the container of {@code fixture}, or of one of its tests. */
    static Throwable failureOf(EngineExecutionResults results, Class<?> fixture) {
        return results.allEvents().finished().stream()
                .filter(event -> belongsTo(event, fixture))
                .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                .filter(result -> result.getStatus() == TestExecutionResult.Status.FAILED)
                .map(result -> result.getThrowable().orElseThrow())
                .findFirst()
                .orElseThrow(() -> new AssertionError("Expected " + fixture.getName() + " to fail, but nothing of it failed:\n"
                        + describeFailures(results)));
    }

    /** Fails with every failure of the run, so a fixture's own assertion message is shown. */
    static void assertAllSucceeded(EngineExecutionResults results) {
        if (results.allEvents().failed().count() > 0 || results.testEvents().succeeded().count() == 0) {
            throw new AssertionError("Expected every fixture test to succeed:\n" + describeFailures(results)
                    + "\n  tests succeeded: " + results.testEvents().succeeded().count()
                    + ", skipped: " + results.allEvents().skipped().count());
        }
    }

    /** Fails unless tests of {@code fixture} (and of its nested classes) ran and none of its events failed. */
    static void assertSucceeded(EngineExecutionResults results, Class<?> fixture) {
        String name = fixture.getSimpleName();
        long failed = results.allEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getUniqueId().toString().contains(name)).count();
        long succeeded = results.testEvents().succeeded().stream()
                .filter(event -> event.getTestDescriptor().getUniqueId().toString().contains(name)).count();
        if (failed > 0 || succeeded == 0) {
            throw new AssertionError("Expected the tests of " + name + " to succeed (" + succeeded + " did):\n"
                    + describeFailures(results));
        }
    }

    static String describeFailures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> "  " + event.getTestDescriptor().getDisplayName() + ": "
                        + event.getRequiredPayload(TestExecutionResult.class).getThrowable().map(EngineRuns::chain).orElse("?"))
                .collect(Collectors.joining("\n"));
    }

    private static String chain(Throwable error) {
        StringBuilder text = new StringBuilder(error.toString());
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("\n    caused by ").append(cause);
        }
        return text.toString();
    }

    private static boolean belongsTo(Event event, Class<?> fixture) {
        return event.getTestDescriptor().getSource()
                .map(source -> source instanceof ClassSource classSource ? classSource.getJavaClass() == fixture
                        : source instanceof MethodSource method
                        && method.getJavaClass() == fixture)
                .orElse(false);
    }
}

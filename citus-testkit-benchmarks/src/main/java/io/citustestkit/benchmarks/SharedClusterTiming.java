package io.citustestkit.benchmarks;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs two test classes with the same {@code @CitusCluster} through the real JUnit launcher and times
 * each class from its start to its end: the first pays for the cluster, the second should not.
 */
final class SharedClusterTiming {

    record Result(long firstClassNanos, long secondClassNanos) {
    }

    static Result run() {
        Map<String, Long> started = new ConcurrentHashMap<>();
        Map<String, Long> durations = new ConcurrentHashMap<>();
        StringBuilder failures = new StringBuilder();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                started.put(id.getUniqueId(), System.nanoTime());
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                long end = System.nanoTime();
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failures.append(id.getDisplayName()).append(": ").append(result.getThrowable().map(Throwable::toString).orElse(""))
                            .append('\n');
                }
                if (id.isContainer() && (id.getDisplayName().equals(displayName(SharedClusterFixtures.First.class))
                        || id.getDisplayName().equals(displayName(SharedClusterFixtures.Second.class)))) {
                    durations.put(id.getDisplayName(), end - started.get(id.getUniqueId()));
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(SharedClusterFixtures.First.class),
                        DiscoverySelectors.selectClass(SharedClusterFixtures.Second.class))
                .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName")
                .build();
        LauncherFactory.create().execute(request, listener);
        if (failures.length() > 0) {
            throw new IllegalStateException("The shared-cluster fixtures failed:\n" + failures);
        }
        return new Result(durations.get(displayName(SharedClusterFixtures.First.class)),
                durations.get(displayName(SharedClusterFixtures.Second.class)));
    }

    /** JUnit's display name of a test class: its name after the package ({@code SharedClusterFixtures$First}). */
    private static String displayName(Class<?> testClass) {
        return testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1);
    }
}

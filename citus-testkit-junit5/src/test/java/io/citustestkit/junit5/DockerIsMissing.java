package io.citustestkit.junit5;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Simulates a machine without Docker for the rest of the engine run: puts a {@link DockerCheck} that
 * answers "no" into the extension's root store, where the extension looks before asking Testcontainers.
 * Register it before {@code @CitusCluster} so its condition runs first.
 *
 * <pre>{@code
 * @ExtendWith(DockerIsMissing.class)
 * @CitusCluster
 * static class NoDockerCase { ... }
 * }</pre>
 */
final class DockerIsMissing implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        context.getRoot().getStore(CitusClusterExtension.NAMESPACE).put(DockerCheck.class, (DockerCheck) () -> false);
        return ConditionEvaluationResult.enabled("Docker is simulated as missing");
    }
}

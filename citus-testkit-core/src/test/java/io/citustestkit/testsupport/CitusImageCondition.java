package io.citustestkit.testsupport;

import io.citustestkit.CitusImage;
import io.citustestkit.DockerEnvironment;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/** The condition behind {@link EnabledIfCitusImage}; evaluated once per JVM. */
public final class CitusImageCondition implements ExecutionCondition {

    private static final AtomicBoolean PRINTED = new AtomicBoolean();
    private static volatile ConditionEvaluationResult result;

    /** System property that turns a missing image into a failure: the main job must run its examples or fail. */
    public static final String REQUIRE_IMAGE_PROPERTY = "citus.testkit.it.require-image";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult evaluated = evaluate();
        if (evaluated.isDisabled() && Boolean.getBoolean(REQUIRE_IMAGE_PROPERTY)) {
            throw new IllegalStateException("Integration tests cannot run and " + REQUIRE_IMAGE_PROPERTY + "=true: "
                    + evaluated.getReason().orElse(""));
        }
        if (evaluated.isDisabled() && PRINTED.compareAndSet(false, true)) {
            System.out.println("citus-testkit: integration tests SKIPPED: " + evaluated.getReason().orElse(""));
        }
        return evaluated;
    }

    /** Whether integration tests can run here, and if not, why. */
    public static ConditionEvaluationResult evaluate() {
        ConditionEvaluationResult cached = result;
        if (cached != null) {
            return cached;
        }
        synchronized (CitusImageCondition.class) {
            if (result == null) {
                result = compute();
            }
            return result;
        }
    }

    private static ConditionEvaluationResult compute() {
        CitusImage image = CitusImage.resolve(null);
        if (!DockerEnvironment.isAvailable()) {
            return ConditionEvaluationResult.disabled("no Docker engine answers (Testcontainers found none).");
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image.dockerName()).exec();
            return ConditionEvaluationResult.enabled("Citus image " + image + " is present locally");
        } catch (RuntimeException e) {
            return ConditionEvaluationResult.disabled("Citus image '" + image.name() + "' (" + image.source()
                    + ") is not present locally; build or load a Citus image and name it with CITUS_TESTKIT_IMAGE.");
        }
    }
}

package io.citustestkit.testsupport;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an integration test only when Docker answers and the Citus image it would use
 * ({@link io.citustestkit.CitusImage#resolve(String)}) is present locally; otherwise the test is
 * skipped with one line saying why. Integration tests never pull: no registry may be reachable.
 *
 * <pre>{@code
 * @EnabledIfCitusImage
 * class ClusterStartIT { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(CitusImageCondition.class)
public @interface EnabledIfCitusImage {
}

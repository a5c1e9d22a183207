package io.citustestkit.commons;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Base class of the errors citus-testkit raises for configuration and infrastructure problems
 * (Docker, images, containers, schema scripts). Assertion failures are {@link AssertionError}s instead.
 *
 * <p>Every message says what failed, where, and how to fix it; the underlying exception is kept as
 * the cause.
 *
 * <pre>{@code
 * try (CitusTestCluster cluster = CitusTestCluster.builder().schema("classpath:schema.sql").start()) {
 *     ...
 * } catch (CitusTestkitException e) {
 *     // e.getMessage() names the node, image or schema statement that failed
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class CitusTestkitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its message.
     *
     * @param message what failed, where, and how to fix it
     */
    public CitusTestkitException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its message and the underlying exception.
     *
     * @param message what failed, where, and how to fix it
     * @param cause the underlying exception
     */
    public CitusTestkitException(String message, Throwable cause) {
        super(message, cause);
    }
}

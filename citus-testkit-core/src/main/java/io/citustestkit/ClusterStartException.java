package io.citustestkit;

import io.citustestkit.commons.CitusTestkitException;
import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * A Citus test cluster could not be started: Docker is not reachable, the image cannot be obtained,
 * a node did not become ready or could not be registered. By the time this is thrown every container
 * and network of the failed cluster has been removed.
 *
 * <pre>{@code
 * assertThatThrownBy(() -> CitusTestCluster.builder().image("not-citus:1").start())
 *     .isInstanceOf(ClusterStartException.class)
 *     .hasMessageContaining("citus.testkit.image");
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class ClusterStartException extends CitusTestkitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its message and the underlying exception.
     *
     * @param message what failed, where, and how to fix it
     * @param cause the underlying exception
     */
    public ClusterStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with its message.
     *
     * @param message what failed, where, and how to fix it
     */
    public ClusterStartException(String message) {
        super(message);
    }
}

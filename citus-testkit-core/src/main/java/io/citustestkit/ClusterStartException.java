package io.citustestkit;

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
public class ClusterStartException extends CitusTestkitException {

    private static final long serialVersionUID = 1L;

    public ClusterStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public ClusterStartException(String message) {
        super(message);
    }
}

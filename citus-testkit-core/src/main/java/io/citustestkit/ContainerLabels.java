package io.citustestkit;

import io.citustestkit.docker.KitLabels;
import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * The Docker labels citus-testkit puts on every container and network it creates, so that leftovers
 * can be found with {@code docker ps -a --filter label=io.citustestkit.managed} and removed with
 * {@code docker rm -f $(docker ps -aq --filter label=io.citustestkit.managed)}.
 *
 * <pre>{@code
 * docker ps -a --filter label=io.citustestkit.cluster=1a2b3c4d
 * }</pre>
 *
 * <p>The labels are put on by the kit's machinery ({@code io.citustestkit.docker.KitLabels}); these are their names.
 */
@API(status = STABLE, since = "0.1")
public final class ContainerLabels {

    /** Present, with value {@code true}, on everything citus-testkit creates. */
    public static final String MANAGED = KitLabels.MANAGED;

    /** The id of the cluster a container or network belongs to. */
    public static final String CLUSTER = KitLabels.CLUSTER;

    /** {@code coordinator} or {@code worker}. */
    public static final String ROLE = KitLabels.ROLE;

    /** The node's name inside the cluster, e.g. {@code worker-1}. */
    public static final String NODE = KitLabels.NODE;

    /**
     * The JVM that created it ({@code host/boot-id/pid-namespace/pid/start}, e.g.
     * {@code build-7/5e1c.../pid:[4026531836]/4711/t123456}): a later start on the same machine, in the
     * same PID namespace, removes what a JVM that provably no longer runs left behind.
     */
    public static final String OWNER = KitLabels.OWNER;

    private ContainerLabels() {
    }
}

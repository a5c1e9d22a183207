package io.citustestkit;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.containers.Network;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.Map;

/**
 * Makes the container of a node: the image (present; Testcontainers' name substitution applies once,
 * to the Citus image, never to the kit's {@code localhost/...} images), the superuser with the password's SCRAM verifier (Docker's client logs
 * container environments, so it never sees the password), the network alias, labels, the
 * {@code postgres} settings, the readiness check by JDBC round trip, ports published on the loopback
 * interface where the Docker engine is local, and the user's customizers. The image caches use the
 * same recipe for the nodes they initialise.
 */
final class NodeContainers {

    private NodeContainers() {
    }

    /**
     * The container of one node of a cluster.
     *
     * @param snapshotImage the node's snapshot image, or {@code null} to start from the cluster's node image
     * @param snapshotPassword the password the snapshot was made with, or {@code null} when unknown
     */
    static CitusNode node(String clusterId, ClusterSettings settings, Network network, String name, CitusNode.Role role,
                          NodeFaults faults, String snapshotImage, String snapshotPassword) {
        NodeLog log = new NodeLog(name);
        boolean withData = snapshotImage != null || settings.startsInitialized();
        PostgreSQLContainer container = base(snapshotImage != null ? snapshotImage : settings.nodeImage(), settings.password(), log,
                settings.startupTimeout(), withData, snapshotPassword, settings.image().name(), name, settings.loopbackOnly(),
                "citus-testkit-" + clusterId + "-" + name)
                .withNetwork(network)
                .withNetworkAliases(name)
                .withLabels(ContainerLabels.forNode(clusterId, role.label(), name))
                .withCommand(command(settings, role));
        if (snapshotImage != null) {
            container.withCreateContainerCmdModifier(cmd -> cmd.withUser("postgres")); // data is there: no chown, no gosu
        } else if (settings.snapshots()) {
            // in the container's own layer (not a volume), so that a snapshot's commit keeps it
            container.withEnv("PGDATA", InitializedImageCache.DATA_DIRECTORY);
        } else if (settings.dataOnTmpfs() && !withData) {
            container.withTmpFs(Map.of("/var/lib/postgresql", "rw,mode=1777"));
        }
        settings.customizers().forEach(customizer -> customizer.accept(container));
        return new CitusNode(name, role, container, log, faults, withData);
    }

    /** The {@code postgres} command line of a node with {@code role} in a cluster with {@code settings}. */
    static String[] command(ClusterSettings settings, CitusNode.Role role) {
        return NodeSettings.command(settings.shardCount(), settings.statementRecording(),
                settings.schemaBasedSharding());
    }

    /**
     * A PostgreSQL container from a present image, ready when a JDBC round trip finds Citus.
     *
     * @param initialized whether the image holds an initialised data directory: the password is then set at start
     * @param knownPassword the password that data directory has, when known (set over JDBC then), else {@code null}
     * @param citusImage the user's image, for messages
     * @param containerName the Docker name of the container
     */
    static PostgreSQLContainer base(String dockerImage, String password, NodeLog log, Duration timeout, boolean initialized,
                                    String knownPassword, String citusImage, String nodeName, boolean loopbackOnly, String containerName) {
        // Testcontainers substitutes the name once (a registry mirror prefix applies to the Citus image;
        // the kit's own local images are named localhost/..., which substitution leaves alone)
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(dockerImage).asCompatibleSubstituteFor("postgres"));
        return container
                .withDatabaseName(CitusTestCluster.DATABASE)
                .withUsername(CitusTestCluster.USERNAME)
                .withPassword(ScramVerifier.of(password)) // Docker sees the verifier only, never the password
                // 1 MB WAL segments: a test cluster writes little, and a snapshot then keeps megabytes of WAL, not 16 MB files
                .withEnv("POSTGRES_INITDB_ARGS", "--no-sync --wal-segsize=1")
                .withLogConsumer(log)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName(containerName);
                    if (loopbackOnly) {
                        cmd.getHostConfig().withPublishAllPorts(false).withPortBindings(new PortBinding(
                                Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(NodeSettings.POSTGRES_PORT)));
                    }
                })
                .waitingFor(new CitusReadyWait(nodeName, citusImage, password, initialized, knownPassword, log, timeout));
    }
}

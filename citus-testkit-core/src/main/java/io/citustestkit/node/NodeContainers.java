package io.citustestkit.node;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.apiguardian.api.API;
import org.testcontainers.utility.DockerImageName;

import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Makes the container of a node: the image (present; Testcontainers' name substitution applies once,
 * to the Citus image, never to the kit's {@code localhost/...} images), the superuser with the password's SCRAM verifier (Docker's client logs
 * container environments, so it never sees the password), the network alias, labels, the
 * {@code postgres} settings, the readiness check by JDBC round trip, ports published on the loopback
 * interface where the Docker engine is local, and the user's customizers. The image caches use the
 * same recipe for the nodes they initialise.
 */
@API(status = INTERNAL, since = "0.1")
public final class NodeContainers {

    private NodeContainers() {
    }

    /** A PostgreSQL container from a present image, ready when a JDBC round trip finds Citus ({@link CitusReadyWait}). */
    public static NodeContainer base(NodeSpec spec) {
        // Testcontainers substitutes the name once (a registry mirror prefix applies to the Citus image;
        // the kit's own local images are named localhost/..., which substitution leaves alone)
        NodeContainer container = new NodeContainer(DockerImageName.parse(spec.dockerImage).asCompatibleSubstituteFor("postgres"));
        container
                .withDatabaseName(NodeSettings.DATABASE)
                .withUsername(NodeSettings.USERNAME)
                .withPassword(ScramVerifier.of(spec.password)) // Docker sees the verifier only, never the password
                // 1 MB WAL segments: a test cluster writes little, and a snapshot then keeps megabytes of WAL, not 16 MB files
                .withEnv("POSTGRES_INITDB_ARGS", "--no-sync --wal-segsize=1")
                .withLogConsumer(spec.log)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName(spec.containerName);
                    // the image's HEALTHCHECK (pg_isready every 4 s) is an exec per node that nothing reads: the
                    // readiness is the kit's own check, and the probes take CPU from the tests on small runners
                    cmd.withHealthcheck(new HealthCheck().withTest(List.of("NONE")));
                    if (spec.loopbackOnly) {
                        cmd.getHostConfig().withPublishAllPorts(false).withPortBindings(new PortBinding(
                                Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(NodeSettings.POSTGRES_PORT)));
                    }
                })
                .waitingFor(new CitusReadyWait(spec));
        return container;
    }
}

package io.citustestkit.node;

import org.apiguardian.api.API;

import java.time.Duration;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What the container of one node is made from ({@link NodeContainers#base}): the Docker image, the node's
 * and the container's names, the password, the log, the start-up timeout, and optionally the data the
 * image already holds, the user's Citus image (for messages) and loopback-only ports.
 *
 * <pre>{@code
 * NodeSpec spec = NodeSpec.of("citusdata/citus:14.1.0", "worker-1", "citus-testkit-1a2b3c4d-worker-1")
 *         .password(password).log(new NodeLog("worker-1")).timeout(Duration.ofMinutes(2))
 *         .userImage("citusdata/citus:14.1.0", CitusImage.howToOverride())
 *         .loopbackOnly(true).storesInterNodePassword(true);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class NodeSpec {

    final String dockerImage;
    final String nodeName;
    final String containerName;
    String password;
    NodeLog log;
    Duration timeout = Duration.ofMinutes(2);
    boolean withData;
    String knownPassword;
    String userImage;
    String howToChooseAnother = "";
    boolean loopbackOnly;
    boolean storesInterNodePassword;

    private NodeSpec(String dockerImage, String nodeName, String containerName) {
        this.dockerImage = Objects.requireNonNull(dockerImage, "dockerImage");
        this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
        this.containerName = Objects.requireNonNull(containerName, "containerName");
        this.userImage = dockerImage;
        this.log = new NodeLog(nodeName);
    }

    /** A node named {@code nodeName} in a container named {@code containerName}, from {@code dockerImage} (present). */
    public static NodeSpec of(String dockerImage, String nodeName, String containerName) {
        return new NodeSpec(dockerImage, nodeName, containerName);
    }

    /** {@return this} The superuser's password (Docker sees only its SCRAM verifier). */
    public NodeSpec password(String password) {
        this.password = password;
        return this;
    }

    /** {@return this} Where the node's output goes (and its tail, for messages). */
    public NodeSpec log(NodeLog log) {
        this.log = log;
        return this;
    }

    /** {@return this} How long the node may take to answer with Citus. */
    public NodeSpec timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * {@return this} The image holds an initialised data directory (the initialised-image cache, a
     * snapshot): the node gets the password and its own {@code server_id} at start ({@link ClonedNodeSetup}).
     *
     * @param knownPassword the password that data directory has, when known (set over JDBC then), else {@code null}
     */
    public NodeSpec withData(String knownPassword) {
        this.withData = true;
        this.knownPassword = knownPassword;
        return this;
    }

    /** {@return this} The user's Citus image and how to choose another, for the messages of a node that is no Citus node. */
    public NodeSpec userImage(String userImage, String howToChooseAnother) {
        this.userImage = userImage;
        this.howToChooseAnother = howToChooseAnother;
        return this;
    }

    /** {@return this} Whether the node's port is published on 127.0.0.1 only (the Docker engine is local). */
    public NodeSpec loopbackOnly(boolean loopbackOnly) {
        this.loopbackOnly = loopbackOnly;
        return this;
    }

    /**
     * {@return this} The node is part of a cluster: on the connection that finds it ready, it also stores the
     * password for connections to the other nodes ({@code pg_dist_authinfo}), so that its start costs one
     * connection (a SCRAM exchange each, while the other nodes start too).
     */
    public NodeSpec storesInterNodePassword(boolean stores) {
        this.storesInterNodePassword = stores;
        return this;
    }

    /** {@return the node's log} */
    public NodeLog log() {
        return log;
    }
}

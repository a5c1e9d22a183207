package io.citustestkit;

import io.citustestkit.node.NodeLog;
import io.citustestkit.node.NodeSettings;
import org.apiguardian.api.API;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * One node of a {@link CitusTestCluster}: the coordinator or a worker, each a PostgreSQL container
 * with Citus on the cluster's Docker network.
 *
 * <pre>{@code
 * CitusNode worker = cluster.workers().get(0);
 * worker.name();          // "worker-1"
 * worker.internalHost();  // "worker-1": how Citus (and pg_dist_node) knows it
 * worker.jdbcUrl();       // jdbc:postgresql://localhost:32781/test, reachable from the test JVM
 * worker.stop();          // fault injection: the worker goes away
 * worker.start();         // and comes back; the cluster waits until it is healthy again
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class CitusNode {

    /**
     * Whether a node is the coordinator or a worker.
     *
     * <pre>{@code
     * cluster.coordinator().role(); // Role.COORDINATOR
     * }</pre>
     */
    public enum Role {
        /** The coordinator: it holds the metadata and plans the distributed queries. */
        COORDINATOR,
        /** A worker: it holds shards. */
        WORKER;

        /** {@return the lower-case label value, e.g. {@code worker}} */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String name;
    private final Role role;
    private final PostgreSQLContainer container;
    private final NodeLog log;
    private final Faults faults;
    private final boolean startsWithData;

    CitusNode(String name, Role role, PostgreSQLContainer container, NodeLog log, Faults faults, boolean startsWithData) {
        this.name = Objects.requireNonNull(name);
        this.role = Objects.requireNonNull(role);
        this.container = Objects.requireNonNull(container);
        this.log = Objects.requireNonNull(log);
        this.faults = Objects.requireNonNull(faults);
        this.startsWithData = startsWithData;
    }

    /** Whether the node's image holds a data directory (a snapshot, the initialised-image cache): no initdb ran. */
    boolean startsWithData() {
        return startsWithData;
    }

    /** {@return the node's name: {@code coordinator}, {@code worker-1}, {@code worker-2}, ...} */
    public String name() {
        return name;
    }

    /** {@return coordinator or worker} */
    public Role role() {
        return role;
    }

    /**
     * {@return a JDBC URL for this node that the test JVM can reach (the host's mapped port)} It carries no
     * credentials.
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + container.getHost() + ":" + mappedPort() + "/" + container.getDatabaseName();
    }

    /** {@return the host name Citus uses for this node inside the cluster network (as in {@code pg_dist_node})} */
    public String internalHost() {
        return name;
    }

    /** {@return the port Citus uses for this node inside the cluster network (as in {@code pg_dist_node})} */
    public int internalPort() {
        return NodeSettings.POSTGRES_PORT;
    }

    /** {@return the last lines the node's container printed, oldest first} */
    public List<String> lastLogLines() {
        return log.lastLines();
    }

    /**
     * The node's container, for what this API does not cover (exec, copy files). Changing its
     * configuration after the cluster started has no effect.
     *
     * @return the node's Testcontainers container
     */
    public PostgreSQLContainer container() {
        return container;
    }

    /**
     * Stops the node's container (like a crashed or powered-off server). Queries that need this node
     * fail until {@link #start()} brings it back.
     */
    public void stop() {
        requireFaults().stop(this);
    }

    /** Starts a stopped node again and waits until it answers and the cluster sees it as healthy. */
    public void start() {
        requireFaults().start(this);
    }

    /** Freezes the node's processes (a hung server: connections open, nothing answers). */
    public void pause() {
        requireFaults().pause(this);
    }

    /** Unfreezes a paused node and waits until it answers again. */
    public void unpause() {
        requireFaults().unpause(this);
    }

    /** Restarts the node's container and waits until it answers and the cluster is healthy. */
    public void restart() {
        requireFaults().restart(this);
    }

    NodeLog log() {
        return log;
    }

    int mappedPort() {
        return faults.mappedPort(this);
    }

    private Faults requireFaults() {
        return faults;
    }

    @Override
    public String toString() {
        return role.label() + " " + name + " (" + internalHost() + ":" + internalPort() + ")";
    }

    /** What a running cluster does for the fault-injection methods. */
    interface Faults {

        void stop(CitusNode node);

        void start(CitusNode node);

        void pause(CitusNode node);

        void unpause(CitusNode node);

        void restart(CitusNode node);

        int mappedPort(CitusNode node);
    }
}

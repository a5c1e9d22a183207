package io.citustestkit;

import io.citustestkit.metadata.CitusNotInstalledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Network;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cluster the kit started: it owns one network, the coordinator's and the workers' containers and
 * the coordinator's pool, and removes them all on {@link #close()} (or at JVM exit).
 */
final class StartedCitusCluster extends CitusTestCluster {

    private static final Logger LOG = LoggerFactory.getLogger(StartedCitusCluster.class);

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final ClusterSettings settings;
    private final Network network;
    private final CitusNode coordinator;
    private final List<CitusNode> workers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final NodeFaultInjector faults = new NodeFaultInjector(this);
    private final Thread shutdownHook;
    private final ClusterSnapshot snapshot;
    private volatile CoordinatorPool pool;
    private volatile String citusVersion;

    private StartedCitusCluster(ClusterSettings settings, ClusterSnapshot snapshot) {
        this.settings = settings;
        this.snapshot = snapshot;
        this.network = Network.builder()
                .createNetworkCmdModifier(cmd -> cmd.withName("citus-testkit-" + id).withLabels(ContainerLabels.forNetwork(id)))
                .build();
        this.coordinator = newNode("coordinator", CitusNode.Role.COORDINATOR);
        for (int i = 1; i <= settings.workers(); i++) {
            workers.add(newNode("worker-" + i, CitusNode.Role.WORKER));
        }
        this.shutdownHook = ShutdownHooks.register("cluster-" + id, this);
    }

    /** Starts a cluster with checked settings from its image; on any failure removes what was created and rethrows. */
    static StartedCitusCluster start(ClusterSettings settings) {
        return start(settings, null);
    }

    /**
     * Starts a cluster with checked settings, every node from its image in {@code snapshot} (or, when
     * {@code null}, from the node image, with registration and schema); on any failure removes what
     * was created and rethrows.
     */
    static StartedCitusCluster start(ClusterSettings settings, ClusterSnapshot snapshot) {
        StartedCitusCluster cluster = new StartedCitusCluster(settings, snapshot);
        try {
            if (snapshot == null) {
                ClusterBoot.boot(cluster, settings);
            } else {
                ClusterBoot.bootFromSnapshot(cluster, settings, snapshot);
            }
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    CitusNode newNode(String name, CitusNode.Role role) {
        boolean inSnapshot = snapshot != null && ClusterSnapshot.nodeNames(settings.workers()).contains(name);
        CitusNode node = NodeContainers.node(id, settings, network, name, role, faults, inSnapshot ? snapshot.imageOf(name) : null,
                inSnapshot ? snapshot.password() : null);
        if (inSnapshot && snapshot.archives() != null) { // a set from the snapshot directory: its data goes in before start
            snapshot.archives().restoreInto(node.container(), name);
        }
        return node;
    }

    /** {@return the snapshot the cluster started from, or {@code null}} */
    ClusterSnapshot snapshot() {
        return snapshot;
    }

    void openPool() {
        pool = CoordinatorPool.forNode(id, coordinator.container().getHost(), coordinator.mappedPort(), settings.password(),
                settings.poolSize(), settings.startupTimeout());
        try (Connection connection = pool.dataSource().getConnection()) {
            citusVersion = "Citus " + CitusNotInstalledException.requireInstalled(connection);
        } catch (SQLException e) {
            throw new ClusterStartException("Could not connect to the coordinator at " + jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Points the pool at the coordinator's new mapped port (it changes when its container restarts). */
    void coordinatorMoved(int mappedPort) {
        CoordinatorPool current = pool;
        if (current != null) {
            current.moveTo(mappedPort);
        }
    }

    void workerAdded(CitusNode node) {
        workers.add(node);
    }

    ClusterSettings settings() {
        return settings;
    }

    @Override
    public boolean isManaged() {
        return true;
    }

    @Override
    public String jdbcUrl() {
        return coordinator.jdbcUrl();
    }

    @Override
    public String username() {
        return USERNAME;
    }

    @Override
    public String password() {
        return settings.password();
    }

    @Override
    public DataSource dataSource() {
        requireOpen();
        return pool.dataSource();
    }

    @Override
    public CitusNode coordinator() {
        return coordinator;
    }

    @Override
    public List<CitusNode> workers() {
        return List.copyOf(workers);
    }

    @Override
    public String image() {
        return settings.image().name();
    }

    @Override
    public String citusVersion() {
        return citusVersion;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized CitusNode addWorker() {
        requireOpen();
        return TopologyChanges.addWorker(this);
    }

    @Override
    public void rebalanceShards() {
        requireOpen();
        super.rebalanceShards();
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("Citus cluster " + id + " is closed; start a new one with CitusTestCluster.builder().start().");
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        CoordinatorPool current = pool;
        if (current != null) {
            current.close();
        }
        allNodes().stream().map(node -> CompletableFuture.runAsync(() -> stopQuietly(node))).toList()
                .forEach(CompletableFuture::join);
        try {
            network.close();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove network citus-testkit-{}: {}", id, e.getMessage(), e);
        }
        ShutdownHooks.remove(shutdownHook);
        LOG.info("Citus cluster {} closed in {} ms", id, ClusterBoot.millis(started, System.nanoTime()));
    }

    static void stopQuietly(CitusNode node) {
        try {
            node.container().stop();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the container of node {}: {}", node.name(), e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CitusTestCluster[" + id + ", coordinator + " + workers.size() + " workers, " + settings.image().name() + "]";
    }
}

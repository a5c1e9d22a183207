package io.citustestkit;

import io.citustestkit.commons.Stopwatch;
import io.citustestkit.docker.KitLabels;
import io.citustestkit.docker.ShutdownHooks;
import io.citustestkit.metadata.CitusNotInstalledException;
import io.citustestkit.node.ClusterRegistration;
import io.citustestkit.node.CoordinatorPool;
import io.citustestkit.node.InitializedImageCache;
import io.citustestkit.node.NodeContainer;
import io.citustestkit.node.NodeContainers;
import io.citustestkit.node.NodeLog;
import io.citustestkit.node.NodeSpec;
import io.citustestkit.snapshot.ClusterSnapshot;
import io.citustestkit.snapshot.ClusterSnapshots;
import io.citustestkit.snapshot.SnapshotImages;
import io.citustestkit.snapshot.SnapshotSource;
import io.citustestkit.snapshot.SnapshotUnusableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.postgresql.PostgreSQLContainer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cluster the kit started: it owns one network, the coordinator's and the workers' containers and
 * the coordinator's pool, and removes them all on {@link #close()} (or at JVM exit).
 */
final class StartedCitusCluster extends CitusTestCluster implements SnapshotSource {

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
                .createNetworkCmdModifier(cmd -> cmd.withName("citus-testkit-" + id).withLabels(KitLabels.forNetwork(id)))
                .build();
        this.coordinator = newNode("coordinator", CitusNode.Role.COORDINATOR);
        for (int i = 1; i <= settings.workers(); i++) {
            workers.add(newNode("worker-" + i, CitusNode.Role.WORKER));
        }
        this.shutdownHook = ShutdownHooks.register("cluster-" + id, this);
    }

    /**
     * Starts a cluster with checked settings: from its snapshot set when snapshots are on (making the set
     * the first time, see {@link ClusterSnapshots}), else cold.
     */
    static StartedCitusCluster startOrRestore(ClusterSettings settings) {
        if (!settings.snapshots()) {
            return start(settings);
        }
        String imageId = DockerClientFactory.instance().client().inspectImageCmd(settings.image().dockerName()).exec().getId();
        return ClusterSnapshots.start(settings.snapshotKey(imageId), settings.workers(), settings.image().name(), new ClusterSnapshots.Starts<>() {
            @Override
            public StartedCitusCluster cold() {
                return start(settings);
            }

            @Override
            public StartedCitusCluster from(ClusterSnapshot snapshot) {
                try {
                    return start(settings, snapshot);
                } catch (ClusterStartException e) {
                    throw new SnapshotUnusableException(e.getMessage(), e);
                }
            }
        });
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
        boolean inSnapshot = snapshot != null && SnapshotImages.nodeNames(settings.workers()).contains(name);
        return newNode(name, role, inSnapshot ? snapshot.imageOf(name) : null, inSnapshot ? snapshot.password() : null);
    }

    /**
     * The node {@code name}: its container (the image, the superuser with the password's SCRAM verifier, the
     * network alias, labels, the {@code postgres} settings, the readiness check, ports on the loopback
     * interface where the Docker engine is local, the user's customizers), not started.
     *
     * @param snapshotImage the node's snapshot image, or {@code null} to start from the cluster's node image
     * @param snapshotPassword the password the snapshot was made with, or {@code null} when unknown
     */
    private CitusNode newNode(String name, CitusNode.Role role, String snapshotImage, String snapshotPassword) {
        NodeLog log = new NodeLog(name);
        boolean withData = snapshotImage != null || settings.startsInitialized();
        NodeSpec spec = NodeSpec.of(snapshotImage != null ? snapshotImage : settings.nodeImage(), name, "citus-testkit-" + id + "-" + name)
                .password(settings.password())
                .log(log)
                .timeout(settings.startupTimeout())
                .userImage(settings.image().name(), CitusImage.howToOverride())
                .loopbackOnly(settings.loopbackOnly())
                .storesInterNodePassword(true);
        if (withData) {
            spec.withData(snapshotPassword);
        }
        NodeContainer container = NodeContainers.base(spec);
        container.withNetwork(network)
                .withNetworkAliases(name)
                .withLabels(KitLabels.forNode(id, role.label(), name))
                .withCommand(role == CitusNode.Role.COORDINATOR ? settings.coordinatorCommand() : settings.workerCommand());
        if (snapshotImage != null) {
            container.withCreateContainerCmdModifier(cmd -> cmd.withUser("postgres")); // data is there: no chown, no gosu
        } else if (settings.snapshots()) {
            // in the container's own layer (not a volume), so that a snapshot's commit keeps it
            container.withEnv("PGDATA", InitializedImageCache.DATA_DIRECTORY);
        } else if (settings.dataOnTmpfs() && !withData) {
            container.withTmpFs(Map.of("/var/lib/postgresql", "rw,mode=1777"));
        }
        if (snapshotImage != null && snapshot.archives() != null) { // a set from the snapshot directory: its data goes in before start
            snapshot.archives().restoreInto(container, name);
        }
        settings.customizers().forEach(customizer -> customizer.accept(container));
        return new CitusNode(name, role, container, log, faults, withData);
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
    public String nodeImage() {
        return settings.nodeImage();
    }

    @Override
    public Map<String, String> nodeContainers() {
        Map<String, String> containers = new LinkedHashMap<>();
        allNodes().forEach(node -> containers.put(node.name(), node.container().getContainerId()));
        return containers;
    }

    @Override
    public void forgetInterNodePassword() {
        allNodes().forEach(node -> ClusterRegistration.forgetInterNodePassword(node.name(), node.jdbcUrl(), password()));
    }

    @Override
    public void storeInterNodePassword() {
        allNodes().forEach(node -> ClusterRegistration.storeInterNodePassword(node.name(), node.jdbcUrl(), password()));
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
        LOG.info("Citus cluster {} closed in {} ms", id, Stopwatch.millis(started, System.nanoTime()));
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

package io.citustestkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.cluster.CitusRefusalsKeepConnections;
import io.citustestkit.cluster.ClusterRegistration;
import io.citustestkit.cluster.ContainerLabels;
import io.citustestkit.cluster.DockerEnvironment;
import io.citustestkit.cluster.ImagePresence;
import io.citustestkit.cluster.InitializedImageCache;
import io.citustestkit.cluster.NodeLog;
import io.citustestkit.cluster.NodeNotReadyException;
import io.citustestkit.cluster.NodeReadiness;
import io.citustestkit.cluster.NodeSettings;
import io.citustestkit.cluster.NodeStartupWait;
import io.citustestkit.cluster.ShutdownHooks;
import io.citustestkit.metadata.CitusNotInstalledException;
import io.citustestkit.schema.SchemaLocation;
import io.citustestkit.schema.SchemaRunner;
import io.citustestkit.schema.SchemaStatementException;
import io.citustestkit.schema.ServerErrorText;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A real Citus cluster for tests: one coordinator and N workers, each a container on one Docker
 * network, registered with each other, with the schema applied and a pooled {@link DataSource} to the
 * coordinator.
 *
 * <pre>{@code
 * try (CitusTestCluster cluster = CitusTestCluster.builder()
 *         .workers(2)
 *         .shardCount(4)
 *         .schema("classpath:schema.sql")
 *         .start()) {
 *     DataSource dataSource = cluster.dataSource();
 *     cluster.execute("INSERT INTO events (owner_id) VALUES (42)");
 * }
 * }</pre>
 *
 * <p>Nothing survives {@link #close()}, a failure during {@link Builder#start()}, or the JVM's exit:
 * containers, the network and pooled connections are removed, with a JVM shutdown hook as the
 * backstop where Testcontainers' Ryuk is disabled. Every container and network carries the label
 * {@value ContainerLabels#MANAGED}.
 */
public final class CitusTestCluster implements AutoCloseable {

    /**
     * The superuser every node is created with (as in Testcontainers' PostgreSQLContainer). Not
     * {@code citus}: Citus owns a schema of that name, and {@code "$user"} comes first in the search path.
     */
    public static final String USERNAME = "test";
    /** The superuser's password (also used for password authentication between the nodes). */
    public static final String PASSWORD = "test";
    /** The database on every node, where the citus extension is created. */
    public static final String DATABASE = "test";

    /** System property that turns {@link Builder#initializedImageCache(boolean)} on for every cluster. */
    public static final String INITIALIZED_IMAGE_CACHE_PROPERTY = "citus.testkit.initialized-image-cache";
    /** Environment variable that turns {@link Builder#initializedImageCache(boolean)} on (after the property). */
    public static final String INITIALIZED_IMAGE_CACHE_VARIABLE = "CITUS_TESTKIT_INITIALIZED_IMAGE_CACHE";

    private static final Logger LOG = LoggerFactory.getLogger(CitusTestCluster.class);
    private static final String COORDINATOR_NAME = "coordinator";

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final Settings settings;
    private final Network network;
    private final List<CitusNode> workers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final NodeFaultInjector faults = new NodeFaultInjector(this);
    private final CitusNode coordinator;
    private volatile PGSimpleDataSource coordinatorTarget;
    private volatile HikariDataSource dataSource;
    private volatile String citusVersion;
    private final Thread shutdownHook;
    private final ExistingCoordinator existing;

    /** The address of a coordinator this object did not start ({@link #connect}). */
    private record ExistingCoordinator(String jdbcUrl, String username, String password) {
    }

    private CitusTestCluster(Settings settings) {
        this.existing = null;
        this.settings = settings;
        this.network = Network.builder()
                .createNetworkCmdModifier(cmd -> cmd.withName("citus-testkit-" + id).withLabels(ContainerLabels.forNetwork(id)))
                .build();
        this.coordinator = newNode(COORDINATOR_NAME, CitusNode.Role.COORDINATOR);
        for (int i = 1; i <= settings.workers; i++) {
            workers.add(newNode("worker-" + i, CitusNode.Role.WORKER));
        }
        this.shutdownHook = ShutdownHooks.register("cluster-" + id, this);
    }

    private CitusTestCluster(ExistingCoordinator existing, int poolSize) {
        this.existing = existing;
        this.settings = new Settings(0, null, List.of(), null, List.of(), Duration.ofMinutes(2), false, poolSize, null);
        this.network = null;
        this.coordinator = null;
        this.shutdownHook = ShutdownHooks.register("cluster-" + id, this);
    }

    /**
     * Connects to a Citus coordinator that is already running (a shared staging cluster, a real
     * multi-machine deployment): nothing is started, and {@link #close()} closes only the pool. The
     * same assertions and schema scripts work; node-level methods ({@link #coordinator()},
     * {@link #workers()}, fault injection, {@link #addWorker()}) are not available.
     *
     * <pre>{@code
     * try (CitusTestCluster cluster = CitusTestCluster.connect("jdbc:postgresql://citus-coordinator:5432/app", "app", secret)) {
     *     CitusAssertions.assertColocated(cluster.dataSource(), "users", "events");
     * }
     * }</pre>
     *
     * @throws CitusTestkitException if no connection can be made or the database has no citus extension
     */
    public static CitusTestCluster connect(String jdbcUrl, String username, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://host:5432/database, but was '" + jdbcUrl + "'.");
        }
        CitusTestCluster cluster = new CitusTestCluster(new ExistingCoordinator(jdbcUrl, username, password), 10);
        try {
            HikariConfig config = cluster.poolConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(username);
            config.setPassword(password);
            cluster.dataSource = new HikariDataSource(config);
            try (Connection connection = cluster.dataSource.getConnection(); Statement statement = connection.createStatement();
                 java.sql.ResultSet rs = statement.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'citus'")) {
                if (!rs.next()) {
                    throw CitusNotInstalledException.of(connection, null);
                }
                cluster.citusVersion = "Citus " + rs.getString(1);
            }
            return cluster;
        } catch (SQLException | RuntimeException e) {
            cluster.close();
            if (e instanceof CitusTestkitException known) {
                throw known;
            }
            throw new CitusTestkitException("Could not connect to the Citus coordinator at " + jdbcUrl + " as '" + username
                    + "': " + e.getMessage(), e);
        }
    }

    /** Whether this object started its cluster ({@code false} for {@link #connect}). */
    public boolean isManaged() {
        return existing == null;
    }

    private void requireManaged(String what) {
        if (existing != null) {
            throw new UnsupportedOperationException(what + " is not available for a cluster this object did not start "
                    + "(connected to " + existing.jdbcUrl() + "): it has no containers. Use dataSource(), execute(..) and the assertions.");
        }
    }

    /** A builder for a cluster with 2 workers and the resolved image ({@link CitusImage}). */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- start-up

    private void boot() {
        long started = System.nanoTime();
        List<CitusNode> nodes = allNodes();
        startContainers(nodes);
        long containersReady = System.nanoTime();
        List<CompletableFuture<String>> prepared = nodes.stream()
                .map(node -> CompletableFuture.supplyAsync(() -> prepareNode(node)))
                .toList();
        for (CompletableFuture<String> node : prepared) {
            try {
                citusVersion = node.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        coordinatorTarget = newCoordinatorTarget();
        dataSource = newPool();
        try (Connection connection = dataSource.getConnection()) {
            ClusterRegistration.register(connection, coordinator.internalHost(),
                    workers.stream().map(CitusNode::internalHost).toList(), NodeSettings.POSTGRES_PORT);
            ClusterRegistration.verifyTopology(connection, workers.stream().map(CitusNode::internalHost).toList());
        } catch (SQLException e) {
            throw new ClusterStartException("Could not connect to the coordinator at " + coordinator.jdbcUrl()
                    + " to register the workers: " + e.getMessage(), e);
        }
        long registered = System.nanoTime();
        if (!settings.schema.isEmpty()) {
            try {
                applySchema(settings.schema);
            } catch (SchemaStatementException e) {
                throw e.withClusterDiscarded();
            }
        }
        long done = System.nanoTime();
        LOG.info("{} cluster {} ready in {} ms (containers {} ms, registration {} ms, schema {} ms): coordinator + {} workers, image {}",
                citusVersion, id, millis(started, done), millis(started, containersReady), millis(containersReady, registered),
                millis(registered, done), workers.size(), settings.image);
    }

    /** A real JDBC round trip, then the node's share of the set-up; returns its Citus version. */
    private String prepareNode(CitusNode node) {
        String version = NodeReadiness.awaitCitus(node.name(), node::jdbcUrl, USERNAME, PASSWORD,
                settings.startupTimeout, node.log()::tail, settings.image.name());
        ClusterRegistration.storeInterNodePassword(node.name(), node.jdbcUrl(), USERNAME, PASSWORD);
        if (settings.initializedImage != null) {
            ClusterRegistration.run(node.name(), node.jdbcUrl(), USERNAME, PASSWORD, InitializedImageCache.giveOwnServerIdSql());
        }
        return version;
    }

    private void startContainers(List<CitusNode> nodes) {
        Map<CitusNode, CompletableFuture<Void>> starts = new LinkedHashMap<>();
        for (CitusNode node : nodes) {
            starts.put(node, Startables.deepStart(node.container()));
        }
        List<String> failures = new ArrayList<>();
        Throwable firstCause = null;
        for (Map.Entry<CitusNode, CompletableFuture<Void>> start : starts.entrySet()) {
            try {
                start.getValue().join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                firstCause = firstCause == null ? cause : firstCause;
                CitusNode node = start.getKey();
                failures.add("Node " + node.name() + " (image " + settings.image.name() + ") did not start: " + whyNotStarted(cause)
                        + "\n  Last lines of its log:\n" + node.log().tail());
            }
        }
        if (!failures.isEmpty()) {
            throw new ClusterStartException(String.join("\n", failures), firstCause);
        }
    }

    /** Why a node's container did not start: Docker could not run it, it exited, or it was not ready in time. */
    private String whyNotStarted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NodeNotReadyException notReady) {
                return notReady.getMessage() + (notReady.exited() ? ".\n  " + notACitusImageHint() : ".");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "Docker could not create or start its container: " + String.valueOf(root.getMessage()).strip() + "\n  "
                + notACitusImageHint();
    }

    private String notACitusImageHint() {
        return "Is '" + settings.image.name() + "' (" + settings.image.source() + ") a Citus image? It must run PostgreSQL with "
                + "Citus preloaded, like citusdata/citus: " + CitusImage.howToOverride() + ".";
    }

    private CitusNode newNode(String name, CitusNode.Role role) {
        NodeLog log = new NodeLog(name);
        String nodeImage = settings.initializedImage != null ? settings.initializedImage : settings.image.name();
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(nodeImage).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName(DATABASE)
                .withUsername(USERNAME)
                .withPassword(PASSWORD)
                .withNetwork(network)
                .withNetworkAliases(name)
                .withLabels(ContainerLabels.forNode(id, role.label(), name))
                .withCreateContainerCmdModifier(cmd -> cmd.withName("citus-testkit-" + id + "-" + name))
                .withCommand(NodeSettings.command(settings.shardCount))
                .withEnv("POSTGRES_INITDB_ARGS", "--no-sync")
                .withLogConsumer(log)
                .waitingFor(new NodeStartupWait(log, settings.startupTimeout, nodeImage.equals(settings.image.name()) ? 2 : 1));
        if (settings.dataOnTmpfs) {
            container.withTmpFs(Map.of("/var/lib/postgresql", "rw,mode=1777"));
        }
        settings.customizers.forEach(customizer -> customizer.accept(container));
        CitusNode node = new CitusNode(name, role, container, log);
        node.attach(faults);
        return node;
    }

    private PGSimpleDataSource newCoordinatorTarget() {
        PGSimpleDataSource target = new PGSimpleDataSource();
        target.setServerNames(new String[] {coordinator.container().getHost()});
        target.setPortNumbers(new int[] {coordinator.mappedPort()});
        target.setDatabaseName(DATABASE);
        target.setUser(USERNAME);
        target.setPassword(PASSWORD);
        target.setApplicationName("citus-testkit");
        return target;
    }

    private HikariDataSource newPool() {
        HikariConfig config = poolConfig();
        config.setDataSource(coordinatorTarget);
        config.setInitializationFailTimeout(settings.startupTimeout.toMillis());
        return new HikariDataSource(config);
    }

    /** What every pool of this class shares: its name, size, timeouts, and Citus refusals not evicting connections. */
    private HikariConfig poolConfig() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("citus-testkit-" + id);
        config.setMaximumPoolSize(settings.poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
        config.setExceptionOverrideClassName(CitusRefusalsKeepConnections.class.getName());
        return config;
    }

    /** Points the pool at the coordinator's current mapped port (it changes when its container restarts). */
    void coordinatorMoved(int mappedPort) {
        PGSimpleDataSource target = coordinatorTarget;
        if (target != null) {
            target.setPortNumbers(new int[] {mappedPort});
            HikariDataSource pool = dataSource;
            if (pool != null && pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        }
    }

    // ---------------------------------------------------------------- the running cluster

    /** The coordinator's JDBC URL, reachable from the test JVM. */
    public String jdbcUrl() {
        return existing != null ? existing.jdbcUrl() : coordinator.jdbcUrl();
    }

    /** The user to connect with ({@value #USERNAME}, a superuser). */
    public String username() {
        return existing != null ? existing.username() : USERNAME;
    }

    /** The password to connect with. */
    public String password() {
        return existing != null ? existing.password() : PASSWORD;
    }

    /** A HikariCP pool of connections to the coordinator; closed with the cluster. */
    public DataSource dataSource() {
        requireOpen();
        return dataSource;
    }

    /** The coordinator node. */
    public CitusNode coordinator() {
        requireManaged("coordinator()");
        return coordinator;
    }

    /** The worker nodes, in the order they were added ({@code worker-1} first). */
    public List<CitusNode> workers() {
        requireManaged("workers()");
        return List.copyOf(workers);
    }

    /** The image every node runs. */
    public String image() {
        requireManaged("image()");
        return settings.image.name();
    }

    /** The Citus version the coordinator reports ({@code citus_version()}). */
    public String citusVersion() {
        return citusVersion;
    }

    /** A short id that names this cluster's containers and network ({@code citus-testkit-<id>-...}). */
    public String id() {
        return id;
    }

    /**
     * Applies schema scripts on the coordinator, statement by statement, in order.
     *
     * @throws IllegalArgumentException if a location does not exist
     * @throws io.citustestkit.schema.SchemaStatementException if a statement fails
     */
    public void applySchema(String... locations) {
        applySchema(Arrays.stream(locations).map(SchemaLocation::of).toList());
    }

    private void applySchema(List<SchemaLocation> scripts) {
        requireOpen();
        try (Connection connection = dataSource.getConnection()) {
            SchemaRunner.apply(connection, scripts);
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not connect to the coordinator at " + jdbcUrl() + " to apply the schema: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs one SQL statement on the coordinator (autocommit).
     *
     * @throws CitusTestkitException with the server's message if the statement fails
     */
    public void execute(String sql) {
        requireOpen();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new CitusTestkitException("Statement failed on the coordinator of cluster " + id + ":\n  " + sql + "\n"
                    + ServerErrorText.of(e).stripTrailing(), e);
        }
    }

    /**
     * Grows the running cluster by one worker ({@code worker-<n>}): starts its container, waits for a
     * JDBC round trip, and registers it with {@code citus_add_node}. Existing shards stay where they are
     * until {@link #rebalanceShards()}.
     *
     * <pre>{@code
     * CitusNode third = cluster.addWorker();
     * cluster.rebalanceShards();
     * }</pre>
     *
     * @return the new worker
     * @throws ClusterStartException if the worker does not start or register; its container is removed
     */
    public synchronized CitusNode addWorker() {
        requireOpen();
        requireManaged("addWorker()");
        CitusNode node = newNode("worker-" + (workers.size() + 1), CitusNode.Role.WORKER);
        try {
            startContainers(List.of(node));
            prepareNode(node);
            requireOpen();
            try (Connection connection = dataSource.getConnection()) {
                ClusterRegistration.addWorker(connection, node.internalHost(), NodeSettings.POSTGRES_PORT);
            }
        } catch (SQLException | RuntimeException e) {
            stopQuietly(node);
            if (e instanceof ClusterStartException start) {
                throw start;
            }
            throw new ClusterStartException("Could not add worker " + node.name() + " to cluster " + id + ": "
                    + e.getMessage() + "\n  Last lines of its log:\n" + node.log().tail(), e);
        }
        workers.add(node);
        if (closed.get()) {
            stopQuietly(node); // close() ran while the worker was being added
            throw new IllegalStateException("Citus cluster " + id + " was closed while " + node.name() + " was being added.");
        }
        LOG.info("Added {} to Citus cluster {}", node, id);
        return node;
    }

    /**
     * Moves shards so that every worker holds its share ({@code citus_rebalance_start} with
     * {@code block_writes} transfers), and waits until the rebalance has finished, logging its progress.
     *
     * @throws CitusTestkitException if the rebalance fails or does not finish within the start-up timeout
     */
    public void rebalanceShards() {
        requireOpen();
        new ShardRebalance(dataSource, id, settings.startupTimeout.multipliedBy(2)).run();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Removes the pool, every container and the network. Idempotent; safe to call from any thread.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        HikariDataSource pool = dataSource;
        if (pool != null) {
            pool.close();
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (CitusNode node : allNodes()) {
            stops.add(CompletableFuture.runAsync(() -> stopQuietly(node)));
        }
        stops.forEach(CompletableFuture::join);
        try {
            if (network != null) {
                network.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not remove network citus-testkit-{}: {}", id, e.getMessage(), e);
        }
        ShutdownHooks.remove(shutdownHook);
        LOG.info("Citus cluster {} closed in {} ms", id, millis(started, System.nanoTime()));
    }

    private static void stopQuietly(CitusNode node) {
        try {
            node.container().stop();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the container of node {}: {}", node.name(), e.getMessage(), e);
        }
    }

    List<CitusNode> allNodes() {
        List<CitusNode> nodes = new ArrayList<>();
        if (coordinator == null) {
            return nodes;
        }
        nodes.add(coordinator);
        nodes.addAll(workers);
        return nodes;
    }

    Duration startupTimeout() {
        return settings.startupTimeout;
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("Citus cluster " + id + " is closed; start a new one with CitusTestCluster.builder().start().");
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    @Override
    public String toString() {
        if (existing != null) {
            return "CitusTestCluster[" + id + ", existing coordinator " + existing.jdbcUrl() + "]";
        }
        return "CitusTestCluster[" + id + ", coordinator + " + workers.size() + " workers, " + settings.image.name() + "]";
    }

    // ---------------------------------------------------------------- builder

    /** The validated, resolved configuration of a cluster. */
    private record Settings(int workers, CitusImage image, List<SchemaLocation> schema, Integer shardCount,
                            List<Consumer<PostgreSQLContainer>> customizers, Duration startupTimeout,
                            boolean dataOnTmpfs, int poolSize, String initializedImage) {
    }

    /**
     * Configures and starts a {@link CitusTestCluster}. Arguments are checked when given and again in
     * {@link #start()}, before any container starts.
     *
     * <pre>{@code
     * CitusTestCluster cluster = CitusTestCluster.builder()
     *         .workers(2)
     *         .image("citusdata/citus:14.1.0")
     *         .schema("classpath:schema.sql", "classpath:seed.sql")
     *         .shardCount(4)
     *         .withNodeCustomizer(node -> node.withEnv("TZ", "UTC"))
     *         .start();
     * }</pre>
     */
    public static final class Builder {

        private int workers = 2;
        private String image;
        private final List<String> schema = new ArrayList<>();
        private Integer shardCount;
        private final List<Consumer<PostgreSQLContainer>> customizers = new ArrayList<>();
        private Duration startupTimeout = Duration.ofMinutes(2);
        private boolean dataOnTmpfs;
        private int poolSize = 10;
        private Duration pullTimeout = Duration.ofMinutes(5);
        private boolean initializedImageCache = Boolean.parseBoolean(
                System.getProperty(INITIALIZED_IMAGE_CACHE_PROPERTY, System.getenv(INITIALIZED_IMAGE_CACHE_VARIABLE)));

        private Builder() {
        }

        /** Number of workers (default 2); 0 makes a coordinator-only cluster that holds the shards itself. */
        public Builder workers(int workers) {
            if (workers < 0) {
                throw new IllegalArgumentException("workers must be 0 or more, but was " + workers
                        + ": use 0 for a coordinator-only cluster, or 1 or more workers.");
            }
            this.workers = workers;
            return this;
        }

        /** The Citus image, e.g. {@code citusdata/citus:14.1.0}; overrides the system property and environment. */
        public Builder image(String image) {
            if (image == null || image.isBlank()) {
                throw new IllegalArgumentException("image must not be blank: give a Citus image such as '"
                        + CitusImage.DEFAULT_IMAGE + "', or do not call image(..) to use " + CitusImage.SYSTEM_PROPERTY
                        + ", " + CitusImage.ENVIRONMENT_VARIABLE + " or the default.");
            }
            this.image = image;
            return this;
        }

        /** Schema scripts ({@code classpath:} resources or file paths) applied in order once the workers are registered. */
        public Builder schema(String... locations) {
            Objects.requireNonNull(locations, "locations");
            for (String location : locations) {
                if (location == null || location.isBlank()) {
                    throw new IllegalArgumentException("A schema location must not be blank: use 'classpath:schema.sql' "
                            + "or a file path.");
                }
                schema.add(location);
            }
            return this;
        }

        /** {@code citus.shard_count} for tables distributed without an explicit count (Citus's default is 32). */
        public Builder shardCount(int shardCount) {
            if (shardCount < 1 || shardCount > 64000) {
                throw new IllegalArgumentException("shardCount must be between 1 and 64000, but was " + shardCount + ".");
            }
            this.shardCount = shardCount;
            return this;
        }

        /**
         * The escape hatch: a customizer applied to every node's container before it starts (environment,
         * tmpfs, memory limits, extra {@code -c} settings through {@code withCommand}, ...).
         */
        public Builder withNodeCustomizer(Consumer<PostgreSQLContainer> customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /** How long each node may take to become ready (default 2 minutes). */
        public Builder startupTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive, but was " + timeout + ".");
            }
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * Keeps each node's data directory on a tmpfs (RAM) instead of the container's disk (default
         * false). Faster to initialise; costs memory for the data the test writes.
         */
        public Builder dataOnTmpfs(boolean dataOnTmpfs) {
            this.dataOnTmpfs = dataOnTmpfs;
            return this;
        }

        /** How long pulling an image that is not present locally may take (default 5 minutes; a refused pull fails at once). */
        public Builder pullTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("pullTimeout must be positive, but was " + timeout + ".");
            }
            this.pullTimeout = timeout;
            return this;
        }

        /**
         * Starts nodes from a locally cached image whose data directory is already initialised (created
         * the first time from the Citus image: {@code citus-testkit-cache/initialized:<hash>}), so no
         * node runs {@code initdb} and {@code CREATE EXTENSION citus}. Default false, or the system
         * property {@value CitusTestCluster#INITIALIZED_IMAGE_CACHE_PROPERTY} / environment variable
         * {@value CitusTestCluster#INITIALIZED_IMAGE_CACHE_VARIABLE} set to {@code true}: it leaves an
         * image behind (label {@code io.citustestkit.cache}), which is yours to keep or prune.
         * {@link #dataOnTmpfs(boolean)} has no effect with it.
         */
        public Builder initializedImageCache(boolean enabled) {
            this.initializedImageCache = enabled;
            return this;
        }

        /** Maximum size of the {@link #dataSource()} pool (default 10). */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, but was " + poolSize + ".");
            }
            this.poolSize = poolSize;
            return this;
        }

        /**
         * Checks the configuration, starts the nodes in parallel, registers the workers, verifies the
         * topology, applies the schema and returns the running cluster.
         *
         * @throws IllegalArgumentException for bad arguments (before any container starts)
         * @throws ClusterStartException if Docker, the image or a node fails; nothing is left running
         * @throws io.citustestkit.schema.SchemaStatementException if a schema statement fails; nothing is left running
         */
        public CitusTestCluster start() {
            List<SchemaLocation> scripts = schema.stream().map(SchemaLocation::of).toList();
            CitusImage resolved = CitusImage.resolve(image);
            DockerEnvironment.requireAvailable();
            ImagePresence.ensurePresent(resolved, pullTimeout);
            String initializedImage = initializedImageCache
                    ? InitializedImageCache.imageFor(resolved.name(), USERNAME, PASSWORD, DATABASE, startupTimeout)
                    : null;
            Settings settings = new Settings(workers, resolved, scripts, shardCount, List.copyOf(customizers),
                    startupTimeout, dataOnTmpfs, poolSize, initializedImage);
            CitusTestCluster cluster = new CitusTestCluster(settings);
            try {
                cluster.boot();
                return cluster;
            } catch (RuntimeException | Error e) {
                cluster.close();
                throw e;
            }
        }

    }
}

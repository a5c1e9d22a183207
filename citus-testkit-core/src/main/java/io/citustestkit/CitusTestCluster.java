package io.citustestkit;

import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.node.NodeSettings;
import io.citustestkit.node.ShardRebalance;
import io.citustestkit.recording.StatementRecorder;
import io.citustestkit.schema.SchemaSource;
import io.citustestkit.snapshot.SnapshotSettings;
import io.citustestkit.sql.ServerError;
import org.apiguardian.api.API;
import org.testcontainers.postgresql.PostgreSQLContainer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import static org.apiguardian.api.API.Status.STABLE;

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
 * <p>Two kinds exist behind this one type: a cluster the kit started in containers ({@link #builder()})
 * and a coordinator that already runs ({@link #connect}). Nothing of a started cluster survives
 * {@link #close()}, a failure during {@link Builder#start()}, or the JVM's exit: containers, the network
 * and pooled connections are removed, with a JVM shutdown hook as the backstop where Testcontainers'
 * Ryuk is disabled, and clusters of JVMs that were killed are removed by the next start. Every
 * container and network carries the label {@value ContainerLabels#MANAGED}.
 */
@API(status = STABLE, since = "0.1")
public abstract sealed class CitusTestCluster implements AutoCloseable permits StartedCitusCluster, ConnectedCitusCluster {

    /**
     * The superuser every node is created with (as in Testcontainers' PostgreSQLContainer). Not
     * {@code citus}: Citus owns a schema of that name, and {@code "$user"} comes first in the search path.
     */
    public static final String USERNAME = NodeSettings.USERNAME;
    /** The database on every node, where the citus extension is created. */
    public static final String DATABASE = NodeSettings.DATABASE;

    /** System property that turns {@link Builder#initializedImageCache(boolean)} on for every cluster. */
    public static final String INITIALIZED_IMAGE_CACHE_PROPERTY = "citus.testkit.initialized-image-cache";
    /** Environment variable that turns {@link Builder#initializedImageCache(boolean)} on (after the property). */
    public static final String INITIALIZED_IMAGE_CACHE_VARIABLE = "CITUS_TESTKIT_INITIALIZED_IMAGE_CACHE";

    /** System property that turns {@link Builder#snapshots(boolean) cluster snapshots} off for every cluster when {@code false}. */
    public static final String SNAPSHOTS_PROPERTY = SnapshotSettings.SNAPSHOTS_PROPERTY;
    /** Environment variable that turns {@link Builder#snapshots(boolean) cluster snapshots} off when {@code false} (after the property). */
    public static final String SNAPSHOTS_VARIABLE = "CITUS_TESTKIT_SNAPSHOTS";

    CitusTestCluster() {
    }

    /** {@return a builder for a cluster with 2 workers and the resolved image ({@link CitusImage})} */
    public static Builder builder() {
        return new Builder();
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
     * @param jdbcUrl the coordinator's JDBC URL
     * @param username the user to connect with
     * @param password the user's password
     * @return the connected cluster; close it to close its pool
     * @throws io.citustestkit.metadata.CitusNotInstalledException if the database has no citus extension
     * @throws CitusTestkitException if no connection can be made
     */
    public static CitusTestCluster connect(String jdbcUrl, String username, String password) {
        return ConnectedCitusCluster.open(jdbcUrl, username, password);
    }

    /** {@return whether this object started its cluster ({@code false} for {@link #connect})} */
    public abstract boolean isManaged();

    /** {@return the coordinator's JDBC URL, reachable from the test JVM (it carries no credentials)} */
    public abstract String jdbcUrl();

    /** {@return the user to connect with ({@value #USERNAME}, a superuser, for a started cluster)} */
    public abstract String username();

    /**
     * {@return the password to connect with: a fresh random one per started cluster unless
     * {@link Builder#password} fixed it}
     */
    public abstract String password();

    /** {@return a HikariCP pool of connections to the coordinator; closed with the cluster} */
    public abstract DataSource dataSource();

    /** {@return the coordinator node} */
    public abstract CitusNode coordinator();

    /** {@return the worker nodes, in the order they were added ({@code worker-1} first)} */
    public abstract List<CitusNode> workers();

    /** The coordinator, then the workers. */
    List<CitusNode> allNodes() {
        List<CitusNode> nodes = new ArrayList<>();
        nodes.add(coordinator());
        nodes.addAll(workers());
        return nodes;
    }

    /** {@return the image every node runs} */
    public abstract String image();

    /** {@return the Citus version of the coordinator, e.g. {@code Citus 14.0-1}} */
    public abstract String citusVersion();

    /** {@return a short id that names this cluster's containers and network ({@code citus-testkit-<id>-...})} */
    public abstract String id();

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
    public abstract CitusNode addWorker();

    /**
     * Moves shards so that every worker holds its share ({@code citus_rebalance_start} with
     * {@code block_writes} transfers), and waits until the rebalance has finished, logging its progress.
     *
     * @throws CitusTestkitException if the rebalance fails or does not finish in time
     */
    public void rebalanceShards() {
        new ShardRebalance(dataSource(), id(), Duration.ofMinutes(4)).run();
    }

    /**
     * Applies schema sources on the coordinator, in order: SQL scripts statement by statement, Flyway
     * migrations ({@code flyway:classpath:db/migration}, several locations separated by commas) and
     * Liquibase changelogs ({@code liquibase:classpath:db/changelog/db.changelog-master.yaml}); see
     * {@link SchemaSource#of(String)}.
     *
     * @param locations the sources: {@code classpath:} resources or file paths of SQL scripts, {@code flyway:...},
     *                  {@code liquibase:...}
     * @throws IllegalArgumentException if a location does not exist
     * @throws io.citustestkit.commons.CitusTestkitException if a source needs Flyway or Liquibase and it is not
     *                                                       on the class path
     * @throws io.citustestkit.schema.SchemaStatementException if a statement fails
     * @throws io.citustestkit.schema.SchemaMigrationException if a Flyway migration or Liquibase change set fails
     */
    public void applySchema(String... locations) {
        applySchema(Arrays.stream(locations).map(SchemaSource::of).toList());
    }

    void applySchema(List<SchemaSource> sources) {
        SchemaSource.applyAll(dataSource(), sources);
    }

    /**
     * Runs one SQL statement on the coordinator (autocommit).
     *
     * @param sql the statement
     * @throws CitusTestkitException with the server's message if the statement fails
     */
    public void execute(String sql) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new CitusTestkitException("Statement failed on the coordinator of cluster " + id() + ":\n  " + sql + "\n"
                    + ServerError.of(e).render(sql).indent(2).stripTrailing(), e);
        }
    }

    /**
     * Starts recording every statement that reaches the coordinator, from any client (the
     * application's own pool opened from {@link #jdbcUrl()}, a Spring {@code DataSource}, psql), with
     * what Citus did with each: see {@link StatementRecorder}.
     *
     * <pre>{@code
     * try (StatementRecorder recorder = cluster.recordStatements()) {
     *     repository.findEvents(42L);
     *     assertThatStatements(recorder.statements()).allRoutedToSingleWorker();
     * }
     * }</pre>
     *
     * @return the recorder, recording until closed
     * @throws io.citustestkit.recording.RecordingUnavailableException if the coordinator does not log what recording reads
     */
    public StatementRecorder recordStatements() {
        return StatementRecorder.start(dataSource());
    }

    /** {@return whether {@link #close()} has been called} */
    public abstract boolean isClosed();

    /** Releases the cluster: removes a started cluster's pool, containers and network; closes the pool to a connected one. Idempotent. */
    @Override
    public abstract void close();

    /**
     * Configures and starts a {@link CitusTestCluster}. Arguments are checked when given, and the
     * environment (Docker, the image) in {@link #start()}, before any container starts.
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

        int workers = 2;
        String image;
        final List<String> schema = new ArrayList<>();
        Integer shardCount;
        final List<Consumer<PostgreSQLContainer>> customizers = new ArrayList<>();
        Duration startupTimeout = Duration.ofMinutes(2);
        boolean dataOnTmpfs;
        int poolSize = 10;
        Duration pullTimeout = Duration.ofMinutes(5);
        String password;
        boolean statementRecording = true;
        boolean schemaBasedSharding;
        boolean initializedImageCache = Boolean.parseBoolean(
                System.getProperty(INITIALIZED_IMAGE_CACHE_PROPERTY, System.getenv(INITIALIZED_IMAGE_CACHE_VARIABLE)));
        boolean snapshots = !"false".equalsIgnoreCase(
                System.getProperty(SNAPSHOTS_PROPERTY, String.valueOf(System.getenv(SNAPSHOTS_VARIABLE))).strip());

        private Builder() {
        }

        /**
         * Number of workers (default 2); 0 makes a coordinator-only cluster that holds the shards itself.
         *
         * @param workers the number of workers, 0 or more
         * @return this builder
         */
        public Builder workers(int workers) {
            this.workers = BuilderChecks.workers(workers);
            return this;
        }

        /**
         * The Citus image, e.g. {@code citusdata/citus:14.1.0}; overrides the system property and environment.
         *
         * @param image the image reference
         * @return this builder
         */
        public Builder image(String image) {
            this.image = BuilderChecks.image(image);
            return this;
        }

        /**
         * Schema sources applied in order, once, after the workers are registered: SQL scripts
         * ({@code classpath:schema.sql} or a file path), Flyway migrations
         * ({@code flyway:classpath:db/migration}, several locations comma-separated) and Liquibase
         * changelogs ({@code liquibase:classpath:db/changelog/db.changelog-master.yaml}). Flyway and
         * Liquibase are optional dependencies: without them on the class path, {@link #start()} says which
         * artifact to add. A failing statement throws {@link io.citustestkit.schema.SchemaStatementException},
         * a failing migration {@link io.citustestkit.schema.SchemaMigrationException}; either way nothing is
         * left running.
         *
         * @param locations the sources, in the order they are applied
         * @return this builder
         */
        public Builder schema(String... locations) {
            Objects.requireNonNull(locations, "locations");
            for (String location : locations) {
                schema.add(BuilderChecks.schemaLocation(location));
            }
            return this;
        }

        /**
         * {@code citus.shard_count} for tables distributed without an explicit count (Citus's default is 32).
         *
         * @param shardCount the number of shards
         * @return this builder
         */
        public Builder shardCount(int shardCount) {
            this.shardCount = BuilderChecks.shardCount(shardCount);
            return this;
        }

        /**
         * The escape hatch: a customizer applied to every node's container before it starts (environment,
         * tmpfs, memory limits, extra {@code -c} settings through {@code withCommand}, ...).
         *
         * @param customizer called with each node's container before it starts
         * @return this builder
         */
        public Builder withNodeCustomizer(Consumer<PostgreSQLContainer> customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /**
         * How long each node may take to become ready (default 2 minutes).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = BuilderChecks.positive("startupTimeout", timeout);
            return this;
        }

        /**
         * Keeps each node's data directory on a tmpfs (RAM) instead of the container's disk (default
         * false). Faster to initialise; costs memory for the data the test writes. Such a cluster never
         * starts from, or makes, {@link #snapshots(boolean) snapshots}: their data lives in images.
         *
         * @param dataOnTmpfs whether the data directories live on a tmpfs
         * @return this builder
         */
        public Builder dataOnTmpfs(boolean dataOnTmpfs) {
            this.dataOnTmpfs = dataOnTmpfs;
            return this;
        }

        /**
         * How long pulling an image that is not present locally may take (default 5 minutes; a refused pull fails at once).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder pullTimeout(Duration timeout) {
            this.pullTimeout = BuilderChecks.positive("pullTimeout", timeout);
            return this;
        }

        /**
         * A fixed password for the superuser {@value #USERNAME}, for tests that must know it in advance.
         * Without it every cluster gets a fresh random password ({@link CitusTestCluster#password()}).
         *
         * @param password the superuser's password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = BuilderChecks.password(password);
            return this;
        }

        /**
         * Starts nodes from a locally cached image whose data directory is already initialised (created
         * the first time from the Citus image: {@code localhost/citus-testkit-cache/initialized:<hash>}), so no
         * node runs {@code initdb} and {@code CREATE EXTENSION citus}. Default false, or the system
         * property {@value CitusTestCluster#INITIALIZED_IMAGE_CACHE_PROPERTY} / environment variable
         * {@value CitusTestCluster#INITIALIZED_IMAGE_CACHE_VARIABLE} set to {@code true}: it leaves an
         * image behind (label {@code io.citustestkit.cache}), which is yours to keep or prune.
         * {@link #dataOnTmpfs(boolean)} has no effect with it.
         *
         * @param enabled whether to use the initialized image cache
         * @return this builder
         */
        public Builder initializedImageCache(boolean enabled) {
            this.initializedImageCache = enabled;
            return this;
        }

        /**
         * Starts every node from a snapshot of a cluster with the same configuration (default on). The
         * first start of a configuration (image, workers, shard count, node settings, and the schema's
         * content) keeps each node's state as a local image ({@code localhost/citus-testkit-snapshot/<key>:coordinator},
         * {@code :worker-1}, ..., label {@code io.citustestkit.snapshot}); later starts run no
         * {@code initdb}, no registration and no schema. Each start still gets its own password and Citus
         * {@code server_id}, and the snapshot is checked (nodes, distributed tables) before it is used.
         * Off with {@code false} here, the system property {@value CitusTestCluster#SNAPSHOTS_PROPERTY}
         * or the environment variable {@value CitusTestCluster#SNAPSHOTS_VARIABLE}. Clusters with
         * {@link #withNodeCustomizer customizers} (what a customizer does cannot be compared) or
         * {@link #dataOnTmpfs(boolean) data on tmpfs} never use snapshots. The kit keeps the 8 most recently
         * used sets ({@code -Dcitus.testkit.snapshots.keep=N} / {@code CITUS_TESTKIT_SNAPSHOTS_KEEP=N}). List
         * them with {@code docker image ls --filter label=io.citustestkit.snapshot}.
         *
         * @param enabled whether to start from, and create, snapshots
         * @return this builder
         */
        public Builder snapshots(boolean enabled) {
            this.snapshots = enabled;
            return this;
        }

        /**
         * Turns Citus's schema-based sharding on for the whole cluster
         * ({@code citus.enable_schema_based_sharding = on} on every node, default off): every schema a
         * schema script or the application creates becomes a distributed schema, whose tables are
         * single-shard tables placed together on one node (Citus 12+).
         *
         * @param on whether new schemas are distributed
         * @return this builder
         */
        public Builder schemaBasedSharding(boolean on) {
            this.schemaBasedSharding = on;
            return this;
        }

        /**
         * Whether the coordinator logs every statement, as JSON, with the commands Citus sends to the
         * nodes, so that {@link CitusTestCluster#recordStatements()} works (default true). Its container's
         * output then stops after start-up: the server logs to files. Off saves that logging's cost.
         *
         * @param enabled whether statements can be recorded
         * @return this builder
         */
        public Builder statementRecording(boolean enabled) {
            this.statementRecording = enabled;
            return this;
        }

        /**
         * Maximum size of the {@link #dataSource()} pool (default 10).
         *
         * @param poolSize the maximum number of connections
         * @return this builder
         */
        public Builder poolSize(int poolSize) {
            this.poolSize = BuilderChecks.poolSize(poolSize);
            return this;
        }

        /**
         * Checks the environment (Docker, the image), starts the nodes in parallel, registers the
         * workers, verifies the topology, applies the schema and returns the running cluster.
         *
         * @return the running cluster; close it to remove its containers
         * @throws IllegalArgumentException for a schema location that does not exist (before any container starts)
         * @throws ClusterStartException if Docker, the image or a node fails; nothing is left running
         * @throws io.citustestkit.schema.SchemaStatementException if a schema statement fails; nothing is left running
         */
        public CitusTestCluster start() {
            return StartedCitusCluster.startOrRestore(Preflight.check(this));
        }
    }
}

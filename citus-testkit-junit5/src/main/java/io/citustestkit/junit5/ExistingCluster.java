package io.citustestkit.junit5;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.ClusterStartException;
import io.citustestkit.cluster.CitusRefusalsKeepConnections;
import io.citustestkit.schema.SchemaLocation;
import io.citustestkit.schema.SchemaRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Citus coordinator the user already runs ({@code citus.testkit.url}): a pool of connections to it,
 * checked to be a Citus coordinator, with the schema applied once.
 *
 * <pre>{@code
 * RunningCluster cluster = ExistingCluster.connect(settings, List.of("classpath:schema.sql"), 4);
 * }</pre>
 */
final class ExistingCluster implements RunningCluster {

    private static final Logger LOG = LoggerFactory.getLogger(ExistingCluster.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExistingClusterSettings settings;
    private final HikariDataSource pool;
    private final CoordinatorTruncate cleaner;
    private CitusTestCluster handle;

    private ExistingCluster(ExistingClusterSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.cleaner = new CoordinatorTruncate(pool);
    }

    /**
     * Connects, checks that the database runs Citus, and applies {@code schema} with
     * {@code citus.shard_count} set to {@code shardCount} (when above 0) for that session.
     *
     * @throws ClusterStartException if the coordinator cannot be reached or does not run Citus
     * @throws io.citustestkit.schema.SchemaStatementException if a schema statement fails
     */
    static ExistingCluster connect(ExistingClusterSettings settings, List<String> schema, int shardCount) {
        List<SchemaLocation> scripts = schema.stream().map(SchemaLocation::of).toList();
        HikariDataSource pool = newPool(settings);
        try {
            String version = checkCitus(settings, pool);
            if (!scripts.isEmpty()) {
                applySchema(settings, pool, scripts, shardCount);
            }
            LOG.info("Running against the existing Citus cluster at {} ({}); no containers are started", settings.describe(), version);
            return new ExistingCluster(settings, pool);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource newPool(ExistingClusterSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("citus-testkit-existing-" + POOLS.incrementAndGet());
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(1);
        config.setExceptionOverrideClassName(CitusRefusalsKeepConnections.class.getName());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new ClusterStartException("Could not connect to the existing Citus cluster at " + settings.describe() + ": "
                    + rootMessage(e) + "\n  Check the URL, and the user and password (" + ExistingClusterSettings.USER_PROPERTY
                    + " / " + ExistingClusterSettings.PASSWORD_PROPERTY + ", or " + ExistingClusterSettings.USER_VARIABLE + " / "
                    + ExistingClusterSettings.PASSWORD_VARIABLE + "); unset " + ExistingClusterSettings.URL_PROPERTY + " and "
                    + ExistingClusterSettings.URL_VARIABLE + " to start a cluster in containers instead.", e);
        }
    }

    private static String checkCitus(ExistingClusterSettings settings, DataSource pool) {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT extversion FROM pg_extension WHERE extname = 'citus'")) {
            if (!rs.next()) {
                throw new ClusterStartException("The database at " + settings.describe() + " is not a Citus coordinator: "
                        + "the citus extension is not installed in it. Point " + ExistingClusterSettings.URL_PROPERTY
                        + " at the database on the coordinator where CREATE EXTENSION citus was run.");
            }
            return "Citus " + rs.getString(1);
        } catch (SQLException e) {
            throw new ClusterStartException("Could not query the existing Citus cluster at " + settings.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void applySchema(ExistingClusterSettings settings, DataSource pool, List<SchemaLocation> scripts,
                                    int shardCount) {
        try (Connection connection = pool.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                if (shardCount > 0) {
                    statement.execute("SET citus.shard_count = " + shardCount);
                }
            }
            try {
                SchemaRunner.apply(connection, scripts);
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("RESET citus.shard_count");
                }
            }
        } catch (SQLException e) {
            throw new ClusterStartException("Could not apply the schema on the existing Citus cluster at " + settings.describe()
                    + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " <- " + root.getMessage();
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    /**
     * A {@link CitusTestCluster} connected to the same coordinator ({@link CitusTestCluster#connect}),
     * made when a test first asks for one: its data source, {@code execute} and {@code applySchema}
     * work, its node methods say that an existing cluster has no containers.
     */
    @Override
    public synchronized CitusTestCluster testCluster() {
        if (handle == null) {
            handle = CitusTestCluster.connect(settings.url(), settings.user(), settings.password());
        }
        return handle;
    }

    @Override
    public TableCleaner cleaner() {
        return cleaner;
    }

    @Override
    public String databaseId() {
        return "existing " + settings.url();
    }

    @Override
    public String describe() {
        return describe(settings);
    }

    /** "the existing Citus cluster at URL (where the URL came from)". */
    static String describe(ExistingClusterSettings settings) {
        return "the existing Citus cluster at " + settings.describe();
    }

    @Override
    public synchronized void close() {
        pool.close();
        if (handle != null) {
            handle.close();
        }
    }
}

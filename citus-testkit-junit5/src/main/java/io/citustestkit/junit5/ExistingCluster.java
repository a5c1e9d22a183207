package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.CitusTestkitException;
import io.citustestkit.ClusterStartException;
import io.citustestkit.metadata.CitusNotInstalledException;
import io.citustestkit.schema.SchemaLocation;
import io.citustestkit.schema.SchemaRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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

    private final ExistingClusterSettings settings;
    private final CitusTestCluster cluster;
    private final CoordinatorTruncate cleaner;

    private ExistingCluster(ExistingClusterSettings settings, CitusTestCluster cluster) {
        this.settings = settings;
        this.cluster = cluster;
        this.cleaner = new CoordinatorTruncate(cluster.dataSource());
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
        CitusTestCluster cluster = open(settings);
        try {
            if (!scripts.isEmpty()) {
                applySchema(settings, cluster.dataSource(), scripts, shardCount);
            }
            LOG.info("Running against the existing Citus cluster at {} ({}); no containers are started", settings.describe(),
                    cluster.citusVersion());
            return new ExistingCluster(settings, cluster);
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** {@link CitusTestCluster#connect}, with the failures said in terms of the settings that chose this cluster. */
    private static CitusTestCluster open(ExistingClusterSettings settings) {
        try {
            return CitusTestCluster.connect(settings.url(), settings.user(), settings.password());
        } catch (CitusNotInstalledException e) {
            throw new ClusterStartException("The database at " + settings.describe() + " is not a Citus coordinator: "
                    + "the citus extension is not installed in it. Point " + ExistingClusterSettings.URL_PROPERTY
                    + " at the database on the coordinator where CREATE EXTENSION citus was run.", e);
        } catch (CitusTestkitException e) {
            Throwable failure = e.getCause() != null ? e.getCause() : e;
            throw new ClusterStartException("Could not connect to the existing Citus cluster at " + settings.describe() + ": "
                    + rootMessage(failure) + "\n  Check the URL, and the user and password (" + ExistingClusterSettings.USER_PROPERTY
                    + " / " + ExistingClusterSettings.PASSWORD_PROPERTY + ", or " + ExistingClusterSettings.USER_VARIABLE + " / "
                    + ExistingClusterSettings.PASSWORD_VARIABLE + "); unset " + ExistingClusterSettings.URL_PROPERTY + " and "
                    + ExistingClusterSettings.URL_VARIABLE + " to start a cluster in containers instead.", e);
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
        return cluster.dataSource();
    }

    /** A {@link CitusTestCluster} connected to this coordinator: its node methods say an existing cluster has no containers. */
    @Override
    public CitusTestCluster testCluster() {
        return cluster;
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
    public void close() {
        cluster.close();
    }
}

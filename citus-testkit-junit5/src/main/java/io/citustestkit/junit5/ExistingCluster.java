package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.ClusterStartException;
import io.citustestkit.metadata.CitusNotInstalledException;
import io.citustestkit.schema.SchemaSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Connects to a Citus coordinator the user already runs ({@code citus.testkit.url}): checked to be a
 * Citus coordinator, with the schema applied once, and failures said in terms of the settings that
 * chose it.
 *
 * <pre>{@code
 * SharedCluster cluster = ExistingCluster.connect(settings, List.of("classpath:schema.sql"), 4);
 * }</pre>
 */
final class ExistingCluster {

    private static final Logger LOG = LoggerFactory.getLogger(ExistingCluster.class);

    private ExistingCluster() {
    }

    /**
     * Connects, checks that the database runs Citus, and applies {@code schema} (SQL scripts, Flyway
     * migrations, Liquibase changelogs) with {@code citus.shard_count} set to {@code shardCount} (when
     * above 0) for that session: Flyway and Liquibase are handed that one session too.
     *
     * @throws ClusterStartException if the coordinator cannot be reached or does not run Citus
     * @throws io.citustestkit.schema.SchemaStatementException if a schema statement fails
     * @throws io.citustestkit.schema.SchemaMigrationException if a Flyway migration or Liquibase change set fails
     */
    static SharedCluster connect(ExistingClusterSettings settings, List<String> schema, int shardCount) {
        return connect(settings, schema, shardCount, false);
    }

    /**
     * Like {@link #connect(ExistingClusterSettings, List, int)}, with {@code citus.enable_schema_based_sharding}
     * on for the session that applies the schema when {@code schemaBasedSharding} asks for it.
     */
    static SharedCluster connect(ExistingClusterSettings settings, List<String> schema, int shardCount, boolean schemaBasedSharding) {
        List<SchemaSource> scripts = schema.stream().map(SchemaSource::of).toList();
        CitusTestCluster cluster = open(settings);
        try {
            if (!scripts.isEmpty()) {
                applySchema(settings, cluster.dataSource(), scripts, shardCount, schemaBasedSharding);
            }
            LOG.info("Running against the existing Citus cluster at {} ({}); no containers are started", settings.describe(),
                    cluster.citusVersion());
            CoordinatorTruncate cleaner = new CoordinatorTruncate(cluster.dataSource(), true);
            cleaner.forget();
            cleaner.remember("after the schema was applied on " + describe(settings));
            return new SharedCluster(cluster, cleaner, "existing " + ExistingClusterSettings.redacted(settings.url()), describe(settings));
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
                    + settings.hideSecrets(rootMessage(failure)) + "\n  Check the URL, and the user and password ("
                    + ExistingClusterSettings.USER_PROPERTY + " / " + ExistingClusterSettings.PASSWORD_PROPERTY + ", or "
                    + ExistingClusterSettings.USER_VARIABLE + " / "
                    + ExistingClusterSettings.PASSWORD_VARIABLE + "); unset " + ExistingClusterSettings.URL_PROPERTY + " and "
                    + ExistingClusterSettings.URL_VARIABLE + " to start a cluster in containers instead.", e);
        }
    }

    private static void applySchema(ExistingClusterSettings settings, DataSource pool, List<SchemaSource> scripts,
                                    int shardCount, boolean schemaBasedSharding) {
        try (Connection connection = pool.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                if (shardCount > 0) {
                    statement.execute("SET citus.shard_count = " + shardCount);
                }
                if (schemaBasedSharding) {
                    statement.execute("SET citus.enable_schema_based_sharding = on");
                }
            }
            try {
                SchemaSource.applyAll(connection, scripts);
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("RESET citus.shard_count");
                    if (schemaBasedSharding) {
                        statement.execute("RESET citus.enable_schema_based_sharding");
                    }
                }
            }
        } catch (SQLException e) {
            throw new ClusterStartException("Could not apply the schema on the existing Citus cluster at " + settings.describe()
                    + ": " + settings.hideSecrets(e.getMessage()), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " <- " + root.getMessage();
    }

    /** "the existing Citus cluster at URL (where the URL came from)". */
    static String describe(ExistingClusterSettings settings) {
        return "the existing Citus cluster at " + settings.describe();
    }
}

package io.citustestkit;

import io.citustestkit.schema.SchemaMigrationException;
import io.citustestkit.schema.SchemaStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns a started cluster's containers into a Citus cluster, in order: start every node in parallel
 * (each ready by a JDBC round trip), open the coordinator's pool, register the coordinator and the
 * workers, check the topology Citus reports, apply the schema. Logs how long each step took.
 */
final class ClusterBoot {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBoot.class);

    private ClusterBoot() {
    }

    /** Boots {@code cluster}; on failure the caller closes it, which removes everything. */
    static void boot(StartedCitusCluster cluster, ClusterSettings settings) {
        long started = System.nanoTime();
        NodeStarter.start(cluster.allNodes(), settings);
        long containersReady = System.nanoTime();
        cluster.openPool();
        List<String> workers = cluster.workers().stream().map(CitusNode::internalHost).toList();
        try (Connection connection = cluster.dataSource().getConnection()) {
            ClusterRegistration.register(connection, cluster.coordinator().internalHost(), workers, NodeSettings.POSTGRES_PORT);
            ClusterRegistration.verifyTopology(connection, workers);
        } catch (SQLException e) {
            throw new ClusterStartException("Could not connect to the coordinator at " + cluster.jdbcUrl()
                    + " to register the workers: " + e.getMessage(), e);
        }
        long registered = System.nanoTime();
        if (!settings.schema().isEmpty()) {
            try {
                cluster.applySchema(settings.schema());
            } catch (SchemaStatementException e) {
                throw e.withClusterDiscarded();
            } catch (SchemaMigrationException e) {
                throw e.withClusterDiscarded();
            }
        }
        long done = System.nanoTime();
        LOG.info("{} cluster {} ready in {} ms (containers {} ms, registration {} ms, schema {} ms): coordinator + {} workers, image {}",
                cluster.citusVersion(), cluster.id(), millis(started, done), millis(started, containersReady),
                millis(containersReady, registered), millis(registered, done), workers.size(), settings.image().name());
    }

    static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}

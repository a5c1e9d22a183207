package io.citustestkit.node;

import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.commons.KitSql;
import org.apiguardian.api.API;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.apiguardian.api.API.Status.INTERNAL;

/** Starts a Citus background rebalance and waits for it, logging each change of its progress. */
@API(status = INTERNAL, since = "0.1")
public final class ShardRebalance {

    private static final Logger LOG = LoggerFactory.getLogger(ShardRebalance.class);

    private final DataSource dataSource;
    private final String clusterId;
    private final Duration timeout;

    public ShardRebalance(DataSource dataSource, String clusterId, Duration timeout) {
        this.dataSource = dataSource;
        this.clusterId = clusterId;
        this.timeout = timeout;
    }

    public void run() {
        Long jobId = start();
        if (jobId == null) {
            LOG.info("Cluster {}: no shard moves needed, the shards are already balanced", clusterId);
            return;
        }
        AtomicReference<String> lastProgress = new AtomicReference<>("");
        try {
            Awaitility.await("rebalance job " + jobId + " of cluster " + clusterId + " to finish")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> finished(jobId, lastProgress));
        } catch (ConditionTimeoutException e) {
            throw new CitusTestkitException("Rebalance job " + jobId + " of cluster " + clusterId + " did not finish within "
                    + timeout.toSeconds() + " s; last state: " + lastProgress.get(), e);
        }
    }

    private Long start() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(KitSql.marked("SELECT citus_rebalance_start(shard_transfer_mode => 'block_writes')"))) {
            rs.next();
            long job = rs.getLong(1);
            return rs.wasNull() ? null : job;
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not start a rebalance on cluster " + clusterId + ": " + e.getMessage(), e);
        }
    }

    private boolean finished(long jobId, AtomicReference<String> lastProgress) throws SQLException {
        String sql = "SELECT state, (SELECT count(*) FROM pg_dist_background_task t WHERE t.job_id = j.job_id AND t.status = 'done'), "
                + "(SELECT count(*) FROM pg_dist_background_task t WHERE t.job_id = j.job_id), "
                + "(SELECT string_agg(t.message, '; ') FROM pg_dist_background_task t WHERE t.job_id = j.job_id AND t.message IS NOT NULL) "
                + "FROM pg_dist_background_job j WHERE j.job_id = " + jobId;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(KitSql.marked(sql))) {
            if (!rs.next()) {
                throw new CitusTestkitException("Rebalance job " + jobId + " of cluster " + clusterId + " disappeared");
            }
            String state = rs.getString(1);
            String progress = state + ", " + rs.getLong(2) + " of " + rs.getLong(3) + " moves done";
            if (!progress.equals(lastProgress.getAndSet(progress))) {
                LOG.info("Cluster {} rebalance job {}: {}", clusterId, jobId, progress);
            }
            switch (state) {
                case "finished":
                    return true;
                case "failed":
                case "cancelled":
                    throw new CitusTestkitException("Rebalance job " + jobId + " of cluster " + clusterId + " ended " + state
                            + ": " + rs.getString(4));
                default:
                    return false;
            }
        }
    }
}

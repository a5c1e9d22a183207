package io.citustestkit.snapshot;

import io.citustestkit.commons.KitSql;
import io.citustestkit.commons.Sha256;
import org.apiguardian.api.API;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What a snapshot must still hold when a cluster starts from it, read from the coordinator's metadata:
 * the nodes ({@code pg_dist_node}), the distributed tables ({@code pg_dist_partition}) with their
 * shard counts, and the placements per node group. Recorded when the snapshot is made, compared at
 * every start from it.
 *
 * <pre>{@code
 * SnapshotContent content = SnapshotContent.read(coordinatorConnection);
 * content.summary(); // "3 nodes, 10 distributed tables, 320 shards"
 * }</pre>
 *
 * @param digest SHA-256 of the rows
 * @param summary counts, for messages and labels
 */
@API(status = INTERNAL, since = "0.1")
public record SnapshotContent(String digest, String summary) {

    private static final String ROWS = KitSql.marked("""
            SELECT format('node %s:%s group %s role %s shouldhaveshards %s active %s', nodename, nodeport, groupid, noderole,
                          shouldhaveshards, isactive) FROM pg_dist_node
            UNION ALL
            SELECT format('table %s method %s colocation %s replication %s shards %s', p.logicalrelid::regclass, p.partmethod,
                          p.colocationid, p.repmodel, (SELECT count(*) FROM pg_dist_shard s WHERE s.logicalrelid = p.logicalrelid))
              FROM pg_dist_partition p
            UNION ALL
            SELECT format('group %s placements %s', groupid, count(*)) FROM pg_dist_placement GROUP BY groupid
            ORDER BY 1""");

    private static final String COUNTS = KitSql.marked("""
            SELECT (SELECT count(*) FROM pg_dist_node), (SELECT count(*) FROM pg_dist_partition), (SELECT count(*) FROM pg_dist_shard)""");

    /** Reads the content of the cluster whose coordinator {@code connection} is connected to. */
    public static SnapshotContent read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(ROWS)) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            try (ResultSet counts = statement.executeQuery(COUNTS)) {
                counts.next();
                String summary = counts.getLong(1) + " nodes, " + counts.getLong(2) + " distributed tables, "
                        + counts.getLong(3) + " shards";
                return new SnapshotContent(Sha256.ofText(rows), summary);
            }
        }
    }
}

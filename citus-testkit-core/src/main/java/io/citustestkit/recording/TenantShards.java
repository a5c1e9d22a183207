package io.citustestkit.recording;

import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.commons.KitSql;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which shard of a hash-distributed table holds a distribution value: Citus's own
 * {@code get_shard_id_for_distribution_column}, with the value cast to the distribution column's type
 * (a text {@code '42'} and a bigint {@code 42} hash differently).
 */
final class TenantShards {

    private static final String COLUMN_TYPE_SQL = KitSql.marked("""
            SELECT format_type(a.atttypid, a.atttypmod)
            FROM pg_dist_partition p
            JOIN pg_attribute a ON a.attrelid = p.logicalrelid AND a.attname = column_to_column_name(p.logicalrelid, p.partkey)
            WHERE p.logicalrelid = ?::regclass""");

    private final DataSource coordinator;
    private final Map<String, Long> cache = new ConcurrentHashMap<>();

    TenantShards(DataSource coordinator) {
        this.coordinator = coordinator;
    }

    long shardHolding(String table, Object value) {
        return cache.computeIfAbsent(table + "\u0000" + value, key -> lookUp(table, value));
    }

    private long lookUp(String table, Object value) {
        try (Connection connection = coordinator.getConnection()) {
            String type;
            try (PreparedStatement statement = connection.prepareStatement(COLUMN_TYPE_SQL)) {
                statement.setString(1, table);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new CitusTestkitException("Table " + table + " is not hash-distributed: it has no distribution column "
                                + "whose value could name a tenant.");
                    }
                    type = rows.getString(1);
                }
            }
            String sql = KitSql.marked("SELECT get_shard_id_for_distribution_column(?::regclass, CAST(? AS " + type + "))");
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, table);
                statement.setString(2, String.valueOf(value));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not find the shard of " + table + " that holds the distribution value "
                    + value + ": " + e.getMessage(), e);
        }
    }
}

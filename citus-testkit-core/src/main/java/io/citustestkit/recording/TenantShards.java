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
 * (a text {@code '42'} and a bigint {@code 42} hash differently); the value as the server prints it in
 * that type (what Citus logs); and the table's distribution column.
 */
final class TenantShards {

    private static final String COLUMN_TYPE_SQL = KitSql.marked("""
            SELECT format_type(a.atttypid, a.atttypmod), a.attname
            FROM pg_dist_partition p
            JOIN pg_attribute a ON a.attrelid = p.logicalrelid AND a.attname = column_to_column_name(p.logicalrelid, p.partkey)
            WHERE p.logicalrelid = ?::regclass""");

    private final DataSource coordinator;
    private final Map<String, Long> cache = new ConcurrentHashMap<>();
    private final Map<String, String[]> columns = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    TenantShards(DataSource coordinator) {
        this.coordinator = coordinator;
    }

    long shardHolding(String table, Object value) {
        return cache.computeIfAbsent(table + "\u0000" + value, key -> lookUp(table, value));
    }

    /** {@return the distribution column of a hash-distributed table, e.g. {@code owner_id}} */
    String distributionColumn(String table) {
        return column(table)[1];
    }

    /**
     * The value as the server prints it in the type of {@code table}'s distribution column: how Citus
     * names it in "query has a single distribution column value: 42" and in the commands it sends.
     */
    String valueText(String table, Object value) {
        return texts.computeIfAbsent(table + "\u0000" + value, key -> {
            String sql = KitSql.marked("SELECT CAST(CAST(? AS text) AS " + column(table)[0] + ")::text");
            try (Connection connection = coordinator.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, String.valueOf(value));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            } catch (SQLException e) {
                throw new CitusTestkitException("The distribution value " + value + " is not a value of " + table + "'s distribution "
                        + "column (" + column(table)[0] + "): " + e.getMessage(), e);
            }
        });
    }

    private String[] column(String table) {
        return columns.computeIfAbsent(table, key -> {
            try (Connection connection = coordinator.getConnection();
                 PreparedStatement statement = connection.prepareStatement(COLUMN_TYPE_SQL)) {
                statement.setString(1, table);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new CitusTestkitException("Table " + table + " is not hash-distributed: it has no distribution column "
                                + "whose value could name a tenant.");
                    }
                    return new String[] {rows.getString(1), rows.getString(2)};
                }
            } catch (SQLException e) {
                throw new CitusTestkitException("Could not read the distribution column of " + table + ": " + e.getMessage(), e);
            }
        });
    }

    private long lookUp(String table, Object value) {
        try (Connection connection = coordinator.getConnection()) {
            String type = column(table)[0];
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

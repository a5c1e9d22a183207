package io.citustestkit.junit5;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few JDBC calls the fixtures make, without checked exceptions. */
final class Sql {

    private Sql() {
    }

    /** Runs a statement. */
    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row, as a long. */
    static long queryLong(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException(sql + " returned no row");
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row, as text (null for SQL NULL). */
    static String queryString(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException(sql + " returned no row");
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Inserts an event of {@code owner} and returns its generated id. */
    static long insertEvent(DataSource dataSource, long owner) {
        return queryLong(dataSource, "INSERT INTO events (owner_id, payload) VALUES (" + owner + ", 'x') RETURNING id");
    }

    /** The number of rows in {@code table}. */
    static long count(DataSource dataSource, String table) {
        return queryLong(dataSource, "SELECT count(*) FROM " + table);
    }
}

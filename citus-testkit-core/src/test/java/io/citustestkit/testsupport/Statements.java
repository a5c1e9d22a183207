package io.citustestkit.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one SQL statement on a connection of a {@link DataSource}: for its effect, or for the single
 * number it answers (see {@link Rows} for a column of rows).
 *
 * <pre>{@code
 * assertThat(Statements.queryLong(cluster.dataSource(), "SELECT count(*) FROM users")).isEqualTo(100);
 * }</pre>
 */
public final class Statements {

    private Statements() {
    }

    /** Runs {@code sql} for its effect. */
    public static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs {@code sql} and returns the first column of its first row, as a long. */
    public static long queryLong(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

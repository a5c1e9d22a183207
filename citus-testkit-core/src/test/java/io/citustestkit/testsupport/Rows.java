package io.citustestkit.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The first column of a query's rows, as strings, for assertions on metadata.
 *
 * <pre>{@code
 * assertThat(Rows.of(dataSource, "SELECT nodename FROM pg_dist_node ORDER BY 1")).containsExactly("coordinator", "worker-1");
 * }</pre>
 */
public final class Rows {

    private Rows() {
    }

    /** Runs {@code sql} on a connection of {@code dataSource}. */
    public static List<String> of(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection, sql);
        }
    }

    /** Runs {@code sql} on {@code connection}. */
    public static List<String> of(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}

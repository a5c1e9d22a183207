package io.citustestkit.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A SQL statement and the JDBC parameters bound to its {@code ?} placeholders.
 *
 * <pre>{@code
 * SqlQuery query = SqlQuery.of("SELECT * FROM events WHERE owner_id = ?", 42L);
 * query.params();  // [42]
 * }</pre>
 *
 * @param sql the statement, without {@code EXPLAIN}
 * @param params the values of its {@code ?} placeholders, in order (may contain {@code null})
 */
public record SqlQuery(String sql, List<Object> params) {

    public SqlQuery {
        Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("Expecting a SQL statement but got a blank string");
        }
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    /**
     * A statement with its parameters.
     *
     * @param sql the statement
     * @param params the values of its {@code ?} placeholders
     * @return the query
     */
    public static SqlQuery of(String sql, Object... params) {
        return new SqlQuery(sql, params == null ? List.of() : Arrays.asList(params));
    }

    /** Whether the statement has parameters. */
    public boolean hasParams() {
        return !params.isEmpty();
    }

    @Override
    public String toString() {
        return hasParams() ? sql + " with parameters " + params : sql;
    }
}

package io.citustestkit.plan;

import io.citustestkit.sql.JdbcPlaceholders;
import io.citustestkit.sql.SingleStatement;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * A SQL statement and the JDBC parameters bound to its {@code ?} placeholders. It is one statement:
 * text with a second one ({@code SELECT 1; COMMIT; DELETE ...}) is refused when the query is made,
 * before anything is sent ({@link SingleStatement}); a trailing {@code ;} is fine.
 *
 * <pre>{@code
 * SqlQuery query = SqlQuery.of("SELECT * FROM events WHERE owner_id = ?", 42L);
 * query.params();  // [42]
 * }</pre>
 *
 * @param sql the statement, without {@code EXPLAIN}
 * @param params the values of its {@code ?} placeholders, in order (may contain {@code null})
 */
@API(status = STABLE, since = "0.1")
public record SqlQuery(String sql, List<Object> params) {

    /**
     * Creates the query, copying its parameters.
     *
     * @param sql the statement, without {@code EXPLAIN}
     * @param params the values of its {@code ?} placeholders, in order (may contain {@code null})
     * @throws IllegalArgumentException if {@code sql} is blank or holds more than one statement
     */
    public SqlQuery {
        Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("Expecting a SQL statement but got a blank string");
        }
        SingleStatement.require(sql);
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

    /** {@return whether the statement has parameters} */
    public boolean hasParams() {
        return !params.isEmpty();
    }

    /**
     * Maps a position the server reported in the statement as the driver sent it (its {@code ?} as
     * {@code $1, $2, ...} when it has parameters) back to the statement as written here.
     *
     * @param sentPosition the 1-based position in the statement as sent
     * @return the 1-based position in {@link #sql()}, or 0 if {@code sentPosition} is not positive
     */
    public int positionAsWritten(int sentPosition) {
        return JdbcPlaceholders.positionAsWritten(sql, hasParams(), sentPosition);
    }

    @Override
    public String toString() {
        return hasParams() ? sql + " with parameters " + params : sql;
    }
}

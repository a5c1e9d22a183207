package io.citustestkit.plan;

import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.sql.ServerError;
import org.apiguardian.api.API;

import java.sql.SQLException;
import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * The server refused to plan a statement (syntax error, unknown column, a join Citus cannot plan
 * without {@code citus.enable_repartition_joins}, ...). Carries the server's message with its
 * position and HINT; the driver's {@link SQLException} is the cause. The assertions turn it into an
 * {@link AssertionError} with the same evidence.
 *
 * <pre>{@code
 * try {
 *     ExplainRunner.create().explain(dataSource, "SELECT nope FROM events");
 * } catch (QueryRejectedException e) {
 *     e.serverError().message();  // column "nope" does not exist
 *     e.serverError().position(); // 8
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class QueryRejectedException extends CitusTestkitException {

    private static final long serialVersionUID = 1L;

    private final transient SqlQuery query;
    private final transient ServerError serverError;

    /**
     * Creates the exception.
     *
     * @param query the statement the server rejected
     * @param serverError what it answered
     * @param cause the driver's exception
     */
    public QueryRejectedException(SqlQuery query, ServerError serverError, SQLException cause) {
        super("The server rejected the statement\n  " + query.sql().replace("\n", "\n  ")
                + (query.hasParams() ? "\nwith parameters " + query.params() : "")
                + "\nwhen asked to EXPLAIN it:\n  " + serverError.render(query.sql()).replace("\n", "\n  "), cause);
        this.query = Objects.requireNonNull(query, "query");
        this.serverError = Objects.requireNonNull(serverError, "serverError");
    }

    /** {@return the statement the server rejected} */
    public SqlQuery query() {
        return query;
    }

    /** {@return what the server answered} */
    public ServerError serverError() {
        return serverError;
    }
}

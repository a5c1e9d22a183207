package io.citustestkit.assertions;

import io.citustestkit.plan.SqlQuery;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Assertions on how Citus distributes one statement; see {@link AbstractQueryAssert}. Made by
 * {@link CitusAssertions#assertThatQuery(DataSource, String, Object...)}.
 *
 * <pre>{@code
 * assertThatQuery(dataSource, "UPDATE events SET event_type = 'x' WHERE owner_id = ?", 7L)
 *         .isRoutedToSingleWorker();
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class QueryAssert extends AbstractQueryAssert<QueryAssert> {

    QueryAssert(SqlQuery actual, Database database) {
        super(actual, database, QueryAssert.class);
    }

    /**
     * Assertions on a statement explained on connections of a DataSource.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param query the statement and its parameters
     */
    public QueryAssert(DataSource dataSource, SqlQuery query) {
        this(query, Database.of(dataSource));
    }

    /**
     * Assertions on a statement explained on a caller's connection (left open, its session
     * settings applying).
     *
     * @param connection a connection to a Citus coordinator
     * @param query the statement and its parameters
     */
    public QueryAssert(Connection connection, SqlQuery query) {
        this(query, Database.of(connection));
    }
}

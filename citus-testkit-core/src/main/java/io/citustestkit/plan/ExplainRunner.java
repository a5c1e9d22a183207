package io.citustestkit.plan;

import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.commons.KitSql;
import io.citustestkit.metadata.CitusMetadataReader;
import io.citustestkit.metadata.CitusNotInstalledException;
import io.citustestkit.metadata.ShardCatalog;
import io.citustestkit.sql.ServerError;
import org.apiguardian.api.API;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Explains a statement on a Citus coordinator and returns its {@link DistributedPlan}, on one
 * connection and without ever running the statement:
 *
 * <ol>
 *   <li>in a transaction (or, if the connection is already in one, a savepoint), one query checks
 *       that the citus extension is installed and sets {@code citus.explain_all_tasks} and
 *       {@code citus.explain_distributed_queries} on, plus the {@link #withSetting extra settings},
 *       all transaction-local ({@code set_config(name, value, true)}, i.e. {@code SET LOCAL});</li>
 *   <li>{@code EXPLAIN (FORMAT JSON, VERBOSE) <sql>} (never {@code ANALYZE}), with the parameters bound
 *       to its {@code ?} placeholders through a {@link PreparedStatement};</li>
 *   <li>one query reads the shards the tasks touch and the nodes from the Citus catalogs;</li>
 *   <li>the transaction (or savepoint) is rolled back and auto-commit restored.</li>
 * </ol>
 *
 * <p>So an {@code INSERT}, {@code UPDATE} or {@code DELETE} is planned, not executed. Planning may
 * still evaluate some expressions on the coordinator (e.g. a {@code bigserial} default's
 * {@code nextval}, which a rollback does not undo). Nothing is cached between calls.
 *
 * <p>Citus cannot EXPLAIN an {@code INSERT ... SELECT} it pulls to the coordinator or repartitions
 * when the parameters are bound (it explains the SELECT without them and answers "could not create
 * distributed plan"); for that answer only, the runner explains again with the parameters written
 * into the statement as SQL literals (numbers, strings, booleans, {@code null}, dates and times,
 * UUIDs). The plan keeps the statement and parameters as given.
 *
 * <pre>{@code
 * DistributedPlan plan = ExplainRunner.create()
 *         .withSetting("citus.enable_repartition_joins", "on")
 *         .explain(dataSource, "SELECT count(*) FROM orders o JOIN products p ON o.product_id = p.id");
 * plan.kind();  // REPARTITION
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class ExplainRunner {

    /**
     * What is sent before the statement. {@code VERBOSE} makes Citus show the statement each task
     * sends, which names the shards it reads: the only trace of a shard whose filter the worker folds
     * to false (e.g. {@code WHERE author_id = 1 AND 1 = 0}), where the remote plan is a bare {@code Result}.
     */
    public static final String EXPLAIN_PREFIX = "EXPLAIN (FORMAT JSON, VERBOSE) ";

    private static final Map<String, String> ALWAYS = orderedMap(
            "citus.explain_all_tasks", "on",
            "citus.explain_distributed_queries", "on");

    private static final String PREPARE_SQL = KitSql.MARKER + """
             SELECT (SELECT e.extversion FROM pg_catalog.pg_extension e WHERE e.extname = 'citus') AS citus_version,
                   (SELECT count(pg_catalog.set_config(s.name, s.value, true))
                    FROM unnest(?::text[], ?::text[]) AS s(name, value)) AS settings""";

    private final Map<String, String> settings;

    private ExplainRunner(Map<String, String> settings) {
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** {@return a runner with no extra settings} */
    public static ExplainRunner create() {
        return new ExplainRunner(Map.of());
    }

    /**
     * A runner that also sets a configuration parameter, transaction-locally, before each EXPLAIN.
     *
     * @param name e.g. {@code citus.enable_repartition_joins}
     * @param value e.g. {@code on}
     * @return a new runner; this one is unchanged
     */
    public ExplainRunner withSetting(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.put(name, value);
        return new ExplainRunner(copy);
    }

    /** {@return the extra settings, in the order they are applied} */
    public Map<String, String> settings() {
        return settings;
    }

    /**
     * Explains a statement on a connection of its own from the pool.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param sql the statement
     * @param params the values of its {@code ?} placeholders
     * @return its plan
     * @throws QueryRejectedException if the server rejects the statement
     * @throws CitusNotInstalledException if the database has no citus extension
     */
    public DistributedPlan explain(DataSource dataSource, String sql, Object... params) {
        return explain(dataSource, SqlQuery.of(sql, params));
    }

    /**
     * Explains a statement on a connection of its own; see {@link #explain(DataSource, String, Object...)}.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param query the statement and its parameters
     * @return its plan
     */
    public DistributedPlan explain(DataSource dataSource, SqlQuery query) {
        Objects.requireNonNull(dataSource, "dataSource");
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not get a connection from " + dataSource + " to EXPLAIN "
                    + query + ": " + e.getMessage(), e);
        }
        try (connection) {
            return explain(connection, query);
        } catch (SQLException closeFailed) {
            throw new CitusTestkitException("Could not close the connection used to EXPLAIN " + query, closeFailed);
        }
    }

    /**
     * Explains a statement on the given connection, which is left open, in the transaction state it
     * had (its session settings apply, e.g. a {@code SET citus.enable_repartition_joins = on}).
     *
     * @param connection a connection to a Citus coordinator
     * @param sql the statement
     * @param params the values of its {@code ?} placeholders
     * @return its plan
     * @throws QueryRejectedException if the server rejects the statement
     * @throws CitusNotInstalledException if the database has no citus extension
     */
    public DistributedPlan explain(Connection connection, String sql, Object... params) {
        return explain(connection, SqlQuery.of(sql, params));
    }

    /**
     * Explains a statement on the given connection; see {@link #explain(Connection, String, Object...)}.
     *
     * @param connection a connection to a Citus coordinator
     * @param query the statement and its parameters
     * @return its plan
     */
    public DistributedPlan explain(Connection connection, SqlQuery query) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(query, "query");
        Connection postgres = unwrapPostgres(connection);
        try {
            return explainOnce(postgres, query, null);
        } catch (QueryRejectedException rejected) {
            if (!query.hasParams() || !isBoundParameterLimitation(rejected.serverError())) {
                throw rejected;
            }
            String inlined = ParameterInliner.inline(query).orElseThrow(() -> rejected);
            try {
                return explainOnce(postgres, query, inlined);
            } catch (QueryRejectedException again) {
                rejected.addSuppressed(again);
                throw rejected;
            }
        }
    }

    /**
     * Citus explains the SELECT of an INSERT ... SELECT it pulls to the coordinator or repartitions
     * without the bound parameters, and fails; the statement itself is fine.
     */
    private static boolean isBoundParameterLimitation(ServerError error) {
        return error.message().startsWith("could not create distributed plan")
                || error.message().startsWith("no value found for parameter");
    }

    /**
     * The connection of the PostgreSQL driver under a pool's proxy, so that a server error the
     * EXPLAIN provokes (Citus answers some with SQLSTATE 0A000) does not make the pool evict a
     * healthy connection. The runner restores its auto-commit and transaction state itself.
     */
    private static Connection unwrapPostgres(Connection connection) {
        try {
            if (!(connection instanceof PGConnection) && connection.isWrapperFor(PGConnection.class)) {
                return (Connection) connection.unwrap(PGConnection.class);
            }
        } catch (SQLException | ClassCastException cannotUnwrap) {
            // explain on the connection as given
        }
        return connection;
    }

    private DistributedPlan explainOnce(Connection connection, SqlQuery query, String inlinedSql) {
        boolean autoCommit;
        Savepoint savepoint = null;
        try {
            autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            } else {
                savepoint = connection.setSavepoint();
            }
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not open a transaction to EXPLAIN " + query + " in: "
                    + e.getMessage(), e);
        }
        RuntimeException failure = null;
        try {
            return explainInTransaction(connection, query, inlinedSql);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            rollBack(connection, savepoint, failure);
        }
    }

    private DistributedPlan explainInTransaction(Connection connection, SqlQuery query, String inlinedSql) {
        prepare(connection);
        String json = inlinedSql == null
                ? explainJson(connection, query)
                : explainJson(connection, SqlQuery.of(inlinedSql));
        PlanNode root;
        try {
            root = PlanParser.parse(json);
        } catch (IllegalArgumentException e) {
            throw new CitusTestkitException("Could not read the EXPLAIN output of " + query + ": " + e.getMessage(), e);
        }
        ShardCatalog catalog = PlanTree.of(root).scans.isEmpty()
                ? ShardCatalog.EMPTY
                : CitusMetadataReader.readShardCatalog(connection, DistributedPlan.shardIds(root));
        return DistributedPlan.of(query, root, catalog);
    }

    private void prepare(Connection connection) {
        Map<String, String> all = new LinkedHashMap<>(ALWAYS);
        all.putAll(settings);
        try (PreparedStatement statement = connection.prepareStatement(PREPARE_SQL)) {
            statement.setArray(1, connection.createArrayOf("text", all.keySet().toArray()));
            statement.setArray(2, connection.createArrayOf("text", all.values().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getString("citus_version") == null) {
                    throw CitusNotInstalledException.of(connection, null);
                }
            }
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not apply the settings " + all + " before EXPLAIN: "
                    + e.getMessage(), e);
        }
    }

    private static String explainJson(Connection connection, SqlQuery query) {
        String sql = KitSql.markedAtEnd(EXPLAIN_PREFIX + withoutTrailingSemicolons(query.sql()));
        try {
            if (!query.hasParams()) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(sql)) {
                    return firstColumn(rows);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                try {
                    for (int i = 0; i < query.params().size(); i++) {
                        statement.setObject(i + 1, query.params().get(i));
                    }
                } catch (SQLException e) {
                    throw wrongParameterCount(statement, query, e);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return firstColumn(rows);
                } catch (SQLException e) {
                    if (INVALID_PARAMETER_VALUE.equals(e.getSQLState()) && placeholders(statement) != query.params().size()) {
                        throw wrongParameterCount(statement, query, e);
                    }
                    throw e;
                }
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw new CitusTestkitException("Lost the connection while explaining " + query + ": "
                        + e.getMessage(), e);
            }
            throw new QueryRejectedException(query, serverError(e, query), e);
        }
    }

    /** The server's error, its position moved from the EXPLAIN as sent back into the caller's statement. */
    static ServerError serverError(SQLException e, SqlQuery query) {
        ServerError error = ServerError.of(e);
        int sent = error.position() - EXPLAIN_PREFIX.length();
        return error.withPosition(sent > 0 ? query.positionAsWritten(sent) : 0);
    }

    /** SQLSTATE pgjdbc uses when the parameters do not fit the placeholders (checked before anything is sent). */
    private static final String INVALID_PARAMETER_VALUE = "22023";

    /** The caller's mistake, not the server's verdict: an {@link IllegalArgumentException}, not an assertion failure. */
    private static IllegalArgumentException wrongParameterCount(PreparedStatement statement, SqlQuery query, SQLException cause) {
        int placeholders = placeholders(statement);
        return new IllegalArgumentException("The statement has " + placeholders + " ? placeholder" + (placeholders == 1 ? "" : "s")
                + " but " + query.params().size() + " parameter" + (query.params().size() == 1 ? " was" : "s were")
                + " given " + query.params() + ": pass one value per ?.\n  Statement: " + query.sql(), cause);
    }

    private static int placeholders(PreparedStatement statement) {
        try {
            return statement.getParameterMetaData().getParameterCount();
        } catch (SQLException e) {
            return -1;
        }
    }

    private static String firstColumn(ResultSet rows) throws SQLException {
        StringBuilder json = new StringBuilder();
        while (rows.next()) {
            json.append(rows.getString(1)).append('\n');
        }
        return json.toString();
    }

    private static String withoutTrailingSemicolons(String sql) {
        String trimmed = sql.stripTrailing();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
        }
        return trimmed;
    }

    private static void rollBack(Connection connection, Savepoint savepoint, RuntimeException failure) {
        try {
            if (failure != null && connection.isClosed()) {
                return;
            }
            if (savepoint == null) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            }
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                throw new CitusTestkitException("Could not roll back the transaction EXPLAIN ran in: "
                        + e.getMessage(), e);
            }
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}

package io.citustestkit.assertions;

import io.citustestkit.metadata.CitusMetadataReader;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.plan.SqlQuery;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * The entry points of citus-testkit's assertions: how Citus distributes a statement, and what it
 * makes of a table. They work on any {@link DataSource} or {@link Connection} to a Citus
 * coordinator, not only clusters citus-testkit started. Failures are {@link AssertionError}s that
 * show the statement, what was expected, what the cluster did (tasks per node, subplans,
 * repartitions), the {@link PlanKind} and a plan excerpt.
 *
 * <pre>{@code
 * import static io.citustestkit.assertions.CitusAssertions.*;
 *
 * assertRoutedToSingleWorker(dataSource, "SELECT * FROM events WHERE owner_id = ?", 42L);
 * assertColocated(dataSource, "users", "events");
 *
 * assertThatQuery(dataSource, "SELECT count(*) FROM events").isMultiShard().touchesWorkers(2);
 * assertThatTable(dataSource, "events").isDistributedBy("owner_id").isColocatedWith("users");
 * }</pre>
 *
 * <p>Each assertion uses one connection (a DataSource's is returned to the pool) and reads the
 * catalogs anew: nothing is cached across assertions, so DDL or a shard move between two of them is
 * seen.
 */
@API(status = STABLE, since = "0.1")
public final class CitusAssertions {

    private CitusAssertions() {
    }

    /**
     * Assertions on how Citus distributes a statement, explained on a connection from the DataSource.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param sql the statement; {@code ?} placeholders are bound to {@code params} through JDBC
     * @param params the values of the placeholders
     * @return the assertion object
     */
    public static QueryAssert assertThatQuery(DataSource dataSource, String sql, Object... params) {
        return new QueryAssert(SqlQuery.of(sql, params), Database.of(dataSource));
    }

    /**
     * Assertions on how Citus distributes a statement, explained on the caller's connection (left
     * open, in the transaction state it had; its session settings apply).
     *
     * @param connection a connection to a Citus coordinator
     * @param sql the statement; {@code ?} placeholders are bound to {@code params} through JDBC
     * @param params the values of the placeholders
     * @return the assertion object
     */
    public static QueryAssert assertThatQuery(Connection connection, String sql, Object... params) {
        return new QueryAssert(SqlQuery.of(sql, params), Database.of(connection));
    }

    /**
     * Assertions on what Citus makes of a table; its metadata is read now.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param table the table as SQL names it: {@code events}, {@code app.events}, {@code "Events"}
     * @return the assertion object
     */
    public static TableAssert assertThatTable(DataSource dataSource, String table) {
        return new TableAssert(CitusMetadataReader.readTable(dataSource, table), Database.of(dataSource));
    }

    /**
     * Assertions on what Citus makes of a table, read on the caller's connection (left open).
     *
     * @param connection a connection to a Citus coordinator
     * @param table the table as SQL names it
     * @return the assertion object
     */
    public static TableAssert assertThatTable(Connection connection, String table) {
        return new TableAssert(CitusMetadataReader.readTable(connection, table), Database.of(connection));
    }

    /**
     * Fails unless the statement runs as one task on one node; see
     * {@link AbstractQueryAssert#isRoutedToSingleWorker()}.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param sql the statement; {@code ?} placeholders are bound to {@code params} through JDBC
     * @param params the values of the placeholders
     */
    public static void assertRoutedToSingleWorker(DataSource dataSource, String sql, Object... params) {
        assertThatQuery(dataSource, sql, params).isRoutedToSingleWorker();
    }

    /**
     * Fails unless the statement runs as one task on one node, explained on the caller's connection.
     *
     * @param connection a connection to a Citus coordinator (left open)
     * @param sql the statement; {@code ?} placeholders are bound to {@code params} through JDBC
     * @param params the values of the placeholders
     */
    public static void assertRoutedToSingleWorker(Connection connection, String sql, Object... params) {
        assertThatQuery(connection, sql, params).isRoutedToSingleWorker();
    }

    /**
     * Fails unless the statement runs as one multi-shard job pushed down to the shards; see
     * {@link AbstractQueryAssert#isMultiShard()}.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param sql the statement; {@code ?} placeholders are bound to {@code params} through JDBC
     * @param params the values of the placeholders
     */
    public static void assertMultiShard(DataSource dataSource, String sql, Object... params) {
        assertThatQuery(dataSource, sql, params).isMultiShard();
    }

    /**
     * Fails unless the statement runs as one multi-shard job, explained on the caller's connection.
     *
     * @param connection a connection to a Citus coordinator (left open)
     * @param sql the statement; {@code ?} placeholders are bound to {@code params} through JDBC
     * @param params the values of the placeholders
     */
    public static void assertMultiShard(Connection connection, String sql, Object... params) {
        assertThatQuery(connection, sql, params).isMultiShard();
    }

    /**
     * Fails unless all tables are colocated with the first; see
     * {@link AbstractTableAssert#isColocatedWith(String...)}.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param tables at least two tables
     */
    public static void assertColocated(DataSource dataSource, String... tables) {
        assertThatTable(dataSource, first(tables)).isColocatedWith(rest(tables));
    }

    /**
     * Fails unless all tables are colocated with the first, read on the caller's connection.
     *
     * @param connection a connection to a Citus coordinator (left open)
     * @param tables at least two tables
     */
    public static void assertColocated(Connection connection, String... tables) {
        assertThatTable(connection, first(tables)).isColocatedWith(rest(tables));
    }

    /**
     * Fails unless the table is a reference table.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param table the table as SQL names it
     */
    public static void assertReferenceTable(DataSource dataSource, String table) {
        assertThatTable(dataSource, table).isReferenceTable();
    }

    /**
     * Fails unless the table is a reference table, read on the caller's connection.
     *
     * @param connection a connection to a Citus coordinator (left open)
     * @param table the table as SQL names it
     */
    public static void assertReferenceTable(Connection connection, String table) {
        assertThatTable(connection, table).isReferenceTable();
    }

    /**
     * Fails unless the table is distributed by that column; see {@link AbstractTableAssert#isDistributedBy}.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param table the table as SQL names it
     * @param column the expected distribution column
     */
    public static void assertDistributedBy(DataSource dataSource, String table, String column) {
        assertThatTable(dataSource, table).isDistributedBy(column);
    }

    /**
     * Fails unless the table is distributed by that column, read on the caller's connection.
     *
     * @param connection a connection to a Citus coordinator (left open)
     * @param table the table as SQL names it
     * @param column the expected distribution column
     */
    public static void assertDistributedBy(Connection connection, String table, String column) {
        assertThatTable(connection, table).isDistributedBy(column);
    }

    // Schema-based sharding (Citus 12+): distributed schemas and single-shard tables.

    /**
     * Assertions on what Citus makes of a schema (schema-based sharding); its metadata and its tables'
     * are read now.
     *
     * <pre>{@code
     * assertThatSchema(dataSource, "tenant_42").isDistributedSchema().isPlacedOn("worker-2").hasTables("orders");
     * }</pre>
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param schema the schema as SQL names it: {@code tenant_42}, {@code "Tenant"}
     * @return the assertion object
     */
    public static SchemaAssert assertThatSchema(DataSource dataSource, String schema) {
        return new SchemaAssert(CitusMetadataReader.readSchema(dataSource, schema));
    }

    /**
     * Assertions on what Citus makes of a schema, read on the caller's connection (left open).
     *
     * @param connection a connection to a Citus coordinator
     * @param schema the schema as SQL names it
     * @return the assertion object
     */
    public static SchemaAssert assertThatSchema(Connection connection, String schema) {
        return new SchemaAssert(CitusMetadataReader.readSchema(connection, schema));
    }

    /**
     * Fails unless the schema is a distributed schema; see {@link AbstractSchemaAssert#isDistributedSchema()}.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param schema the schema as SQL names it
     */
    public static void assertDistributedSchema(DataSource dataSource, String schema) {
        assertThatSchema(dataSource, schema).isDistributedSchema();
    }

    /**
     * Fails unless the schema is a distributed schema, read on the caller's connection.
     *
     * @param connection a connection to a Citus coordinator (left open)
     * @param schema the schema as SQL names it
     */
    public static void assertDistributedSchema(Connection connection, String schema) {
        assertThatSchema(connection, schema).isDistributedSchema();
    }

    /**
     * Fails unless the table is a single-shard table; see {@link AbstractTableAssert#isSingleShardTable()}.
     *
     * @param dataSource a DataSource of a Citus coordinator
     * @param table the table as SQL names it, e.g. {@code tenant_42.orders}
     */
    public static void assertSingleShardTable(DataSource dataSource, String table) {
        assertThatTable(dataSource, table).isSingleShardTable();
    }

    /**
     * Fails unless the table is a single-shard table, read on the caller's connection.
     *
     * @param connection a connection to a Citus coordinator (left open)
     * @param table the table as SQL names it
     */
    public static void assertSingleShardTable(Connection connection, String table) {
        assertThatTable(connection, table).isSingleShardTable();
    }

    private static String first(String[] tables) {
        Objects.requireNonNull(tables, "tables");
        if (tables.length < 2) {
            throw new IllegalArgumentException("Expecting at least two tables to compare, got "
                    + Arrays.toString(tables));
        }
        return tables[0];
    }

    private static String[] rest(String[] tables) {
        List<String> rest = Arrays.asList(tables).subList(1, tables.length);
        return rest.toArray(new String[0]);
    }

    /**
     * Assertions on the statements an application really sent, recorded on the coordinator
     * ({@link io.citustestkit.CitusTestCluster#recordStatements()}, or {@code @CitusCluster(recordStatements = true)}).
     *
     * <pre>{@code
     * assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allTouchOnlyTenant(42L);
     * }</pre>
     *
     * @param statements the recorded statements
     * @return the assertion object
     */
    public static RecordedStatementsAssert assertThatStatements(io.citustestkit.recording.RecordedStatements statements) {
        return new RecordedStatementsAssert(statements);
    }
}

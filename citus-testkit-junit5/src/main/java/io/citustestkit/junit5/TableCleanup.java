package io.citustestkit.junit5;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * How {@link CitusCluster @CitusCluster} cleans the tables between the tests of a class.
 *
 * <pre>{@code
 * @CitusCluster(schema = "flyway:classpath:db/migration")   // V2__event_types.sql inserts the event types
 * class EventTest {
 *     @Test
 *     void should_find_the_seeded_event_types(DataSource dataSource) { ... } // cleanup = RESTORE, the default
 * }
 * }</pre>
 *
 * <p>The cleaning modes work on every table Citus knows: the distributed, reference, single-shard
 * (schema-based sharding) and Citus-local tables listed in {@code pg_dist_partition}. Plain PostgreSQL
 * tables on the coordinator are left alone.
 *
 * <p>{@link #RESTORE}, the default, brings every table back to the rows the schema left: right after
 * the schema is applied (SQL scripts, Flyway, Liquibase) the kit remembers the rows of every Citus
 * table, and between tests rows a test inserted are gone and rows it deleted or changed are back;
 * tables the schema left empty are emptied. A Citus table that appears between tests (Spring Boot's own
 * migrations, run when its application context starts, or a {@code @BeforeAll} method that creates
 * one) is remembered with its rows before the first test of the class that follows; a table a test
 * creates is emptied after it. Rows inserted in {@code @BeforeAll} into the schema's tables are removed:
 * seed rows belong in the schema (a migration), rows a test needs in the test or a {@code @BeforeEach}
 * method. {@link #TRUNCATE} empties every table, seeded or not, as earlier versions did by default.
 *
 * <p>For clusters the extension starts, every node resets the shards it holds, all nodes at once: a
 * shard the test left unchanged costs a scan of its rows, a changed one is emptied and copied back, an
 * empty one costs nothing (some 7 ms for ten empty tables). {@code -Dcitus.testkit.cleanup-strategy=truncate}
 * uses Citus's own distributed TRUNCATE through the coordinator instead, then inserts the remembered
 * rows again (some 40 to 80 ms for ten tables of 4 shards: Citus truncates shard by shard); an existing
 * cluster is always cleaned that way. A node that is stopped when a test ends makes its cleanup fail,
 * with the node named.
 *
 * <p>Classes share a cluster, so a cleaning test runs alone on its cluster when JUnit runs tests in
 * parallel: it waits for the tests that use the same cluster to finish and makes them wait for it
 * (tests with {@link #NONE} run alongside each other). A test therefore never sees rows of another
 * test, and never loses its own rows to another test's cleanup.
 */
@API(status = STABLE, since = "0.1")
public enum TableCleanup {

    /**
     * Every test starts with the rows the schema left and leaves nothing else behind: the tables are
     * restored after each test, and before a test when another class may have left rows behind.
     * Sequences keep their values (generated ids keep growing across tests), as after a rolled-back
     * transaction. The default.
     */
    RESTORE,

    /**
     * Like {@link #RESTORE}, and also resets the sequences the tables own ({@code serial},
     * {@code bigserial} and identity columns) to where the schema left them, for tests that assert on
     * generated ids.
     */
    RESTORE_AND_RESTART_SEQUENCES,

    /**
     * Every test starts with empty tables and leaves them empty, rows the schema inserted included:
     * the tables are emptied after each test, and before a test when another class (or the schema)
     * may have left rows behind. Sequences keep their values.
     */
    TRUNCATE,

    /**
     * Like {@link #TRUNCATE}, and also restarts the sequences the tables own at their start value, as
     * {@code TRUNCATE ... RESTART IDENTITY} does.
     */
    TRUNCATE_AND_RESTART_SEQUENCES,

    /**
     * Leaves the data alone: rows written by one test are seen by the next, and by other classes that
     * share the cluster. For classes that set up data once in {@code @BeforeAll}, or read-only tests.
     */
    NONE;

    /** Whether tests in this mode clean the tables (and run alone on their cluster). */
    boolean cleans() {
        return this != NONE;
    }

    /** Whether the tables are brought back to the rows the schema left (else emptied). */
    boolean restores() {
        return this == RESTORE || this == RESTORE_AND_RESTART_SEQUENCES;
    }

    boolean restartsSequences() {
        return this == TRUNCATE_AND_RESTART_SEQUENCES || this == RESTORE_AND_RESTART_SEQUENCES;
    }
}

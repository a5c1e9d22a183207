package io.citustestkit.junit5;

/**
 * How {@link CitusCluster @CitusCluster} cleans the tables between the tests of a class.
 *
 * <pre>{@code
 * @CitusCluster(schema = "classpath:schema.sql", cleanup = TableCleanup.TRUNCATE_AND_RESTART_SEQUENCES)
 * class InvoiceNumberTest {
 *     @Test
 *     void should_number_the_first_invoice_1(DataSource dataSource) { ... }
 * }
 * }</pre>
 *
 * <p>The truncating modes empty every table Citus knows: the distributed, reference and Citus-local
 * tables listed in {@code pg_dist_partition}, including tables a test created, with one
 * {@code TRUNCATE ... CASCADE} over all of them through the coordinator (some 30 ms for ten tables of
 * 4 shards; Citus truncates shard by shard, so more shards cost more). Plain PostgreSQL tables on the
 * coordinator are left alone. For clusters the extension starts, {@code
 * -Dcitus.testkit.cleanup-strategy=per-node} makes every node empty the shards it holds instead, all
 * nodes at once (rows of small shards deleted, large shards truncated, triggers off): some 7 ms, but it
 * bypasses Citus's distributed TRUNCATE, so avoid it in tests that move shards or stop nodes. Rows the
 * schema scripts inserted are removed as well: insert the rows a test needs in the test or in a
 * {@code @BeforeEach} method, not in {@code @BeforeAll}.
 *
 * <p>Classes share a cluster, so a truncating test runs alone on its cluster when JUnit runs tests in
 * parallel: it waits for the tests that use the same cluster to finish and makes them wait for it
 * (tests with {@link #NONE} run alongside each other). A test therefore never sees rows of another
 * test, and never loses its own rows to another test's cleanup.
 */
public enum TableCleanup {

    /**
     * Every test starts with empty tables and leaves them empty: the tables are emptied after each
     * test, and before a test when another class (or the schema) may have left rows behind. Sequences keep their
     * values (generated ids keep growing across tests), as after a rolled-back transaction. The default.
     */
    TRUNCATE,

    /**
     * Like {@link #TRUNCATE}, and also restarts the sequences the tables own ({@code serial},
     * {@code bigserial} and identity columns), as {@code TRUNCATE ... RESTART IDENTITY} does, for tests
     * that assert on generated ids.
     */
    TRUNCATE_AND_RESTART_SEQUENCES,

    /**
     * Leaves the data alone: rows written by one test are seen by the next, and by other classes that
     * share the cluster. For classes that set up data once in {@code @BeforeAll}, or read-only tests.
     */
    NONE;

    boolean truncates() {
        return this != NONE;
    }

    boolean restartsSequences() {
        return this == TRUNCATE_AND_RESTART_SEQUENCES;
    }
}

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
 * tables listed in {@code pg_dist_partition}, including tables a test created. Plain PostgreSQL tables
 * on the coordinator are left alone. For clusters the extension starts, every node empties the shards
 * it holds, all nodes at once (rows of small shards deleted, large shards truncated, triggers off):
 * some 7 ms for ten tables. {@code -Dcitus.testkit.cleanup-strategy=truncate} uses Citus's own
 * distributed TRUNCATE instead, one {@code TRUNCATE ... CASCADE} over all tables through the
 * coordinator (some 40 to 80 ms for ten tables of 4 shards: Citus truncates shard by shard); an
 * existing cluster is always cleaned that way. A node that is stopped when a test ends makes its
 * cleanup fail, with the node named. Rows the
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

package io.citustestkit.junit5;

/**
 * Brings every table Citus knows (distributed, reference, single-shard and Citus-local, as listed in
 * {@code pg_dist_partition}) back to the rows the schema left, or empties them, between tests; plain
 * PostgreSQL tables are left alone.
 *
 * <pre>{@code
 * cleaner.remember("after the schema was applied");
 * cleaner.clean(true, false, "after EventTest.should_store_an_event()");
 * }</pre>
 */
interface TableCleaner extends AutoCloseable {

    /** How long the cleanup waits for a table lock before it reports the connection that holds one. */
    String LOCK_TIMEOUT = "10s";

    /**
     * Remembers the rows of the Citus tables not remembered yet, and the values of their sequences:
     * what {@link #clean} with {@code restore} brings them back to. Tables remembered earlier keep
     * what was remembered for them.
     *
     * @param when when this happens, for the message of a failure ("after the schema was applied")
     * @throws io.citustestkit.commons.CitusTestkitException with the server's message
     */
    void remember(String when);

    /**
     * Restores or empties the tables.
     *
     * @param restore bring the remembered tables back to their remembered rows (and empty the others);
     *                false: empty every table
     * @param restartSequences also reset the sequences the tables own: to their remembered values when
     *                         restoring, else to their start, as {@code RESTART IDENTITY} does
     * @param when when this happens, for the message of a failure ("after Test.method()")
     * @throws io.citustestkit.commons.CitusTestkitException with the server's message, and a hint for a lock timeout
     */
    void clean(boolean restore, boolean restartSequences, String when);

    /** Releases connections the cleaner keeps. */
    @Override
    default void close() {
    }

    /** The hint for a lock that was not granted within {@link #LOCK_TIMEOUT} (SQLSTATE 55P03), else "". */
    static String hintFor(String sqlState) {
        return "55P03".equals(sqlState)
                ? "\n  A connection still holds a lock on one of the tables, most likely a transaction the test left open; "
                + "close connections with try-with-resources and end their transactions."
                : "";
    }
}

package io.citustestkit.junit5;

/**
 * Empties every table Citus knows (distributed, reference and Citus-local, as listed in
 * {@code pg_dist_partition}) between tests; plain PostgreSQL tables are left alone.
 *
 * <pre>{@code
 * cleaner.clean(false, "after EventTest.should_store_an_event()");
 * }</pre>
 */
interface TableCleaner extends AutoCloseable {

    /** How long the cleanup waits for a table lock before it reports the connection that holds one. */
    String LOCK_TIMEOUT = "10s";

    /**
     * Empties the tables.
     *
     * @param restartSequences also restart the sequences the tables own, as {@code RESTART IDENTITY} does
     * @param when when this happens, for the message of a failure ("after Test.method()")
     * @throws io.citustestkit.commons.CitusTestkitException with the server's message, and a hint for a lock timeout
     */
    void clean(boolean restartSequences, String when);

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

package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;

import javax.sql.DataSource;

/**
 * A cluster the tests of a run share, with the way its tables are emptied between tests: one the
 * extension started ({@link ManagedCluster#start}) or one the user already runs
 * ({@link ExistingCluster#connect}). Both are a {@link CitusTestCluster}; they differ only in how
 * they are made and cleaned.
 *
 * <pre>{@code
 * SharedCluster cluster = ManagedCluster.start(spec);
 * DataSource dataSource = cluster.dataSource();
 * }</pre>
 *
 * @param testCluster the cluster, as tests receive it
 * @param cleaner empties its tables between tests
 * @param databaseId identifies the database the tables live in: clusters with the same id share their tables
 * @param description says which cluster this is, for messages and logs
 */
record SharedCluster(CitusTestCluster testCluster, TableCleaner cleaner, String databaseId, String description)
        implements AutoCloseable {

    /** A pooled connection to the coordinator. */
    DataSource dataSource() {
        return testCluster.dataSource();
    }

    /** Releases the cluster: removes its containers, or closes the pool to an existing one. Idempotent. */
    @Override
    public void close() {
        cleaner.close();
        testCluster.close();
    }

    @Override
    public String toString() {
        return description;
    }
}

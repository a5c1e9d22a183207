package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;

import javax.sql.DataSource;

/**
 * A cluster the tests of a run use: either one the extension started ({@link ManagedCluster}) or one
 * the user already runs ({@link ExistingCluster}).
 *
 * <pre>{@code
 * RunningCluster cluster = ManagedCluster.start(spec);
 * DataSource dataSource = cluster.dataSource();
 * }</pre>
 */
interface RunningCluster extends AutoCloseable {

    /** A pooled connection to the coordinator. */
    DataSource dataSource();

    /** The cluster as a {@link CitusTestCluster}: the one started in containers, or one connected to an existing coordinator. */
    CitusTestCluster testCluster();

    /** Empties the tables between tests, the fastest way this kind of cluster allows. */
    TableCleaner cleaner();

    /** Identifies the database the tables live in: clusters with the same id share their tables. */
    String databaseId();

    /** Says which cluster this is, for messages and logs. */
    String describe();

    /** Releases the cluster: removes its containers, or closes the pool to an existing one. Idempotent. */
    @Override
    void close();
}

package io.citustestkit.benchmarks;

import io.citustestkit.junit5.CitusCluster;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * Fixtures run by the benchmark through the JUnit launcher: two classes asking for the same cluster
 * configuration ({@code @CitusCluster} is inherited), the first starting it, the second reusing it.
 *
 * <pre>{@code
 * LauncherFactory.create().execute(request(selectClass(SharedClusterFixtures.First.class), selectClass(SharedClusterFixtures.Second.class)));
 * }</pre>
 */
public final class SharedClusterFixtures {

    private SharedClusterFixtures() {
    }

    /** The class that asks for the cluster; its two subclasses are what the launcher runs. */
    @CitusCluster(workers = 2, shardCount = 4, schema = "classpath:bench-schema.sql")
    public abstract static class UsesTheCluster {

        @Test
        void uses_the_cluster(DataSource dataSource) throws Exception {
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("SELECT count(*) FROM t01");
            }
        }
    }

    /** The first class asking for the cluster: it starts it. */
    public static class First extends UsesTheCluster {
    }

    /** A second class asking for the same configuration: it reuses the cluster. */
    public static class Second extends UsesTheCluster {
    }
}

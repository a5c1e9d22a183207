package io.citustestkit.benchmarks;

import io.citustestkit.junit5.CitusCluster;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * Fixture run by the benchmark through the JUnit launcher: a second class asking for the same configuration for the cluster.
 *
 * <pre>{@code
 * LauncherFactory.create().execute(request(selectClass(SharedClusterA.class), selectClass(SharedClusterB.class)));
 * }</pre>
 */
@CitusCluster(workers = 2, shardCount = 4, schema = "classpath:bench-schema.sql")
public class SharedClusterB {

    @Test
    void uses_the_cluster(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("SELECT count(*) FROM t01");
        }
    }
}

package io.citustestkit.spring;

import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.CitusTestCluster;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static io.citustestkit.assertions.CitusAssertions.assertDistributedBy;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a test slice's {@code DataSource} must be to count as "on the cluster": the application's pool on
 * the kit's coordinator (not an embedded database), Citus answering on it with the cluster's workers,
 * and the application's Flyway migration distributed there.
 *
 * <pre>{@code
 * OnTheCoordinator.assertOnTheCoordinator(dataSource, cluster);
 * }</pre>
 */
final class OnTheCoordinator {

    private OnTheCoordinator() {
    }

    static void assertOnTheCoordinator(DataSource dataSource, CitusTestCluster cluster) {
        assertThat(dataSource).as("the application's pool, not an embedded database").isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).as("the kit's coordinator").isEqualTo(cluster.jdbcUrl());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT citus_version()", String.class)).startsWith("Citus ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM citus_get_active_worker_nodes()", Long.class))
                .as("the workers of the cluster")
                .isEqualTo(cluster.workers().size());
        assertDistributedBy(dataSource, "events", "owner_id");
        assertRoutedToSingleWorker(dataSource, "SELECT * FROM events WHERE owner_id = ?", 42L);
    }
}

package io.citustestkit.spring;

import io.citustestkit.CitusTestCluster;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The coordinator's JDBC URL, user and password, for Spring Boot's {@code DataSource} (and Flyway or
 * Liquibase on it): what {@code @ServiceConnection} provides for a single container.
 *
 * <pre>{@code
 * registry.registerBeanDefinition("citusTestkitJdbcConnectionDetails",
 *         new RootBeanDefinition(CoordinatorConnectionDetails.class, () -> new CoordinatorConnectionDetails(cluster)));
 * }</pre>
 */
final class CoordinatorConnectionDetails implements JdbcConnectionDetails {

    private final CitusTestCluster cluster;

    CoordinatorConnectionDetails(CitusTestCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public String getJdbcUrl() {
        return cluster.jdbcUrl();
    }

    @Override
    public String getUsername() {
        return cluster.username();
    }

    @Override
    public String getPassword() {
        return cluster.password();
    }

    @Override
    public String toString() {
        return "the coordinator of " + cluster;
    }
}

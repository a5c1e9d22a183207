package io.citustestkit.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application under test: Spring Boot's auto-configuration only (a Hikari {@code DataSource},
 * Flyway with {@code db/migration/V1__events.sql}, a {@code JdbcTemplate}), and no database
 * properties at all: citus-testkit-spring points it at the cluster.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {
}

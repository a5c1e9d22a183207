package io.citustestkit.spring;

import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.junit5.CitusResource;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static io.citustestkit.assertions.CitusAssertions.assertDistributedBy;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @SpringBootTest} that also carries {@code @CitusCluster}: the application's own
 * {@code DataSource} runs on the coordinator with no property code, Spring Boot's Flyway makes the
 * schema, and the kit's parameters coexist with Spring's.
 */
@EnabledIfCitusImage
@SpringBootTest(classes = TestApplication.class)
@CitusCluster(workers = 2, shardCount = 4)
class CoordinatorDataSourceIT {

    @CitusResource
    static CitusTestCluster cluster;

    @Autowired
    DataSource applicationDataSource;

    @Autowired
    JdbcConnectionDetails connectionDetails;

    @Test
    void should_point_the_applications_data_source_at_the_coordinator() {
        assertThat(connectionDetails).isInstanceOf(CoordinatorConnectionDetails.class);
        assertThat(applicationDataSource).isInstanceOf(HikariDataSource.class);
        HikariDataSource pool = (HikariDataSource) applicationDataSource;
        assertThat(pool.getJdbcUrl()).isEqualTo(cluster.jdbcUrl());
        assertThat(pool.getUsername()).isEqualTo(cluster.username());
        assertThat(new JdbcTemplate(pool).queryForObject("SELECT count(*) FROM citus_get_active_worker_nodes()", Long.class))
                .as("the workers the coordinator the application talks to knows")
                .isEqualTo(2);
    }

    @Test
    void should_let_spring_boots_flyway_make_the_schema() {
        JdbcTemplate jdbc = new JdbcTemplate(applicationDataSource);

        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success", String.class)).containsExactly("1");
        assertDistributedBy(applicationDataSource, "events", "owner_id");
        assertRoutedToSingleWorker(applicationDataSource, "SELECT * FROM events WHERE owner_id = ?", 42L);
    }

    @Test
    void should_resolve_an_autowired_data_source_with_spring_and_the_others_with_the_kit(
            @Autowired DataSource autowired, DataSource unmarked, @CitusResource DataSource marked, ApplicationContext context) {
        assertThat(autowired).as("@Autowired: the application's, from Spring").isSameAs(context.getBean(DataSource.class));
        assertThat(unmarked).as("no annotation: the kit's pool").isSameAs(cluster.dataSource()).isNotSameAs(autowired);
        assertThat(marked).as("@CitusResource: the kit's pool").isSameAs(unmarked);
        assertThat(systemIdentifier(autowired)).as("both on the same coordinator").isEqualTo(systemIdentifier(unmarked));
    }

    private static long systemIdentifier(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT system_identifier FROM pg_control_system()", Long.class);
    }
}

package io.citustestkit.spring;

import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit empties the tables between tests while the application's pool stays open, holds idle
 * connections and even one checked-out connection across tests; a {@code @Transactional} test's
 * rollback and the kit's cleanup do not get in each other's way. Same cluster and same Spring context
 * as {@link CoordinatorDataSourceIT}.
 */
@EnabledIfCitusImage
@SpringBootTest(classes = TestApplication.class)
@CitusCluster(workers = 2, shardCount = 4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CleanStateWithApplicationPoolIT {

    static Connection checkedOut;

    @Autowired
    DataSource applicationDataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Order(1)
    void should_write_through_the_applications_pool() throws SQLException {
        checkedOut = applicationDataSource.getConnection(); // kept out of the pool until the class ends
        jdbc.update("INSERT INTO events (owner_id, event_type) VALUES (?, ?), (?, ?)", 42L, "login", 7L, "login");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM events", Long.class)).isEqualTo(2);
    }

    @Test
    @Order(2)
    void should_start_with_empty_tables_while_the_pool_is_open() {
        HikariDataSource pool = (HikariDataSource) applicationDataSource;

        assertThat(pool.isRunning()).isTrue();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("the connection test 1 kept").isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events", Long.class)).isZero();
    }

    @Test
    @Order(3)
    @Transactional
    void should_write_inside_a_test_transaction_that_spring_rolls_back() {
        jdbc.update("INSERT INTO events (owner_id, event_type) VALUES (?, ?)", 42L, "logout");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE owner_id = ?", Long.class, 42L)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void should_start_with_empty_tables_after_the_rolled_back_test_too() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events", Long.class)).isZero();
    }

    @AfterAll
    static void returnTheConnection() throws SQLException {
        if (checkedOut != null) {
            checkedOut.close();
        }
    }
}

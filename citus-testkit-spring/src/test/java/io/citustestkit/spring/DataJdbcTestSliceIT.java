package io.citustestkit.spring;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.junit5.CitusResource;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJdbcTest} with {@code @CitusCluster} (here before the slice annotation: the order does
 * not matter) runs on the coordinator with no other annotation.
 */
@EnabledIfCitusImage
@CitusCluster(workers = 2, shardCount = 4)
@DataJdbcTest
class DataJdbcTestSliceIT {

    @CitusResource
    static CitusTestCluster cluster;

    @Autowired
    DataSource dataSource;

    @Test
    void should_run_the_slice_on_the_coordinator() {
        OnTheCoordinator.assertOnTheCoordinator(dataSource, cluster);
    }

    @Test
    void should_write_and_read_a_tenants_rows_inside_the_slices_rolled_back_transaction() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO events (owner_id, event_type) VALUES (?, ?)", 7L, "login");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE owner_id = ?", Long.class, 7L)).isEqualTo(1);
    }
}

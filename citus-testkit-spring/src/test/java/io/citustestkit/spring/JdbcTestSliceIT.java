package io.citustestkit.spring;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.junit5.CitusResource;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.container.ContainerImageMetadata;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @JdbcTest} with {@code @CitusCluster} and no other annotation: the slice's
 * {@code @AutoConfigureTestDatabase} keeps the application's {@code DataSource} on the coordinator, as
 * it does for a {@code @ServiceConnection} container, because the kit's connection details say they
 * come from a test database ({@link SliceDatabaseReplacementIT} shows the slice replacing it when told to).
 */
@EnabledIfCitusImage
@JdbcTest
@CitusCluster(workers = 2, shardCount = 4)
class JdbcTestSliceIT {

    @CitusResource
    static CitusTestCluster cluster;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void should_run_the_slice_on_the_coordinator() {
        OnTheCoordinator.assertOnTheCoordinator(dataSource, cluster);
    }

    @Test
    void should_write_and_read_a_tenants_rows_inside_the_slices_rolled_back_transaction() {
        jdbc.update("INSERT INTO events (owner_id, event_type) VALUES (?, ?)", 42L, "login");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE owner_id = ?", Long.class, 42L)).isEqualTo(1);
    }

    @Test
    void should_mark_the_connection_details_as_a_test_database_the_way_service_connections_are(
            @Autowired ConfigurableApplicationContext context) {
        var definition = context.getBeanFactory().getBeanDefinition(CoordinatorContextCustomizer.BEAN_NAME);

        assertThat(ContainerImageMetadata.isPresent(definition)).as("what @AutoConfigureTestDatabase(replace = NON_TEST) looks for")
                .isTrue();
        assertThat(ContainerImageMetadata.getFrom(definition).imageName()).isEqualTo(cluster.image());
    }
}

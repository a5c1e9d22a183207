package io.citustestkit.spring;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.junit5.CitusResource;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJpaTest} with {@code @CitusCluster} runs on the coordinator with no other annotation:
 * Hibernate's {@code EntityManager} talks to Citus.
 */
@EnabledIfCitusImage
@DataJpaTest
@CitusCluster(workers = 2, shardCount = 4)
class DataJpaTestSliceIT {

    @CitusResource
    static CitusTestCluster cluster;

    @Autowired
    DataSource dataSource;

    @Autowired
    EntityManager entityManager;

    @Test
    void should_run_the_slice_on_the_coordinator() {
        OnTheCoordinator.assertOnTheCoordinator(dataSource, cluster);
    }

    @Test
    void should_give_hibernate_a_session_on_citus() {
        entityManager.createNativeQuery("INSERT INTO events (owner_id, event_type) VALUES (42, 'login')").executeUpdate();

        assertThat(entityManager.createNativeQuery("SELECT citus_version()").getSingleResult().toString()).startsWith("Citus ");
        assertThat(((Number) entityManager.createNativeQuery("SELECT count(*) FROM events WHERE owner_id = 42").getSingleResult())
                .longValue()).isEqualTo(1);
    }
}

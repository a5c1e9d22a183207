package io.citustestkit.examples.springboot;

import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.junit5.CitusResource;
import io.citustestkit.recording.RecordedStatements;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

import javax.sql.DataSource;

import static io.citustestkit.assertions.CitusAssertions.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A repository slice on the cluster: {@code @DataJpaTest} with {@code @CitusCluster} and nothing else
 * keeps the application's {@code DataSource} on the coordinator (no embedded database), runs the
 * application's Flyway migration there, rolls each test back, and the kit judges the SQL Hibernate
 * sends. Same cluster as {@link TenantEventServiceIT}.
 */
@EnabledIfCitusImage
// tag::spring-boot-repository-slice[]
@DataJpaTest
@CitusCluster(workers = 2, shardCount = 4, recordStatements = true)
class UserRepositoryIT {

    @Autowired
    UserRepository users;

    @Autowired
    TestEntityManager entityManager;

    @Test
    void should_save_and_find_a_tenant_on_its_own_shard(RecordedStatements statements) {
        users.saveAndFlush(new User(42, "ada@example.com"));
        entityManager.clear();                                  // the next read goes to the database

        assertThat(users.findById(42L)).map(User::getEmail).contains("ada@example.com");
        assertThatStatements(statements)
                .allRoutedToSingleWorker()
                .allTouchOnlyTenant(42L);
    }

    @Test
    void should_catch_a_repository_method_that_reads_every_tenant(RecordedStatements statements) {
        users.findAll();

        assertThatThrownBy(() -> assertThatStatements(statements).allRoutedToSingleWorker())
                .hasMessageContaining("from users");
    }
// end::spring-boot-repository-slice[]

    @CitusResource
    static CitusTestCluster cluster;

    @Test
    void should_run_on_the_clusters_coordinator_not_an_embedded_database(@Autowired DataSource dataSource) {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).isEqualTo(cluster.jdbcUrl());
        assertThat(entityManager.getEntityManager().createNativeQuery("SELECT citus_version()").getSingleResult().toString())
                .startsWith("Citus ");
    }
// tag::spring-boot-repository-slice[]
}
// end::spring-boot-repository-slice[]

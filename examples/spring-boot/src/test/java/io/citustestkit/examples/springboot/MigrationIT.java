package io.citustestkit.examples.springboot;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertDistributedBy;
import static io.citustestkit.assertions.CitusAssertions.assertReferenceTable;

/**
 * The application's Flyway migration, run by Spring Boot at start-up on the cluster's coordinator,
 * creates and distributes the guide's tables the way the guide says. The kit applies no schema of its
 * own: {@code @CitusCluster} names none.
 */
@EnabledIfCitusImage
// tag::spring-boot-migration-test[]
@SpringBootTest
@CitusCluster(workers = 2, shardCount = 4)     // no schema: the application's Flyway migration is the schema
class MigrationIT {

    @Test
    void should_distribute_the_tenants_tables_by_tenant_and_replicate_the_event_types(@Autowired DataSource dataSource) {
        assertDistributedBy(dataSource, "users", "id");
        assertDistributedBy(dataSource, "events", "owner_id");
        assertDistributedBy(dataSource, "user_sessions", "owner_id");
        assertColocated(dataSource, "users", "events", "user_sessions");
        assertReferenceTable(dataSource, "event_types");
    }
}
// end::spring-boot-migration-test[]

package io.citustestkit.examples.springboot;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.recording.RecordedStatements;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;

import static io.citustestkit.assertions.CitusAssertions.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Judging the SQL Hibernate really sends: the service and the repositories run on the application's
 * own pool, and the kit records every statement that reaches the coordinator, with what Citus did
 * with it. Same cluster and same Spring context as {@link MigrationIT}.
 */
@EnabledIfCitusImage
// tag::spring-boot-recorded-statements[]
@SpringBootTest
@CitusCluster(workers = 2, shardCount = 4, recordStatements = true)
class TenantEventServiceIT {

    @Autowired
    TenantEventService service;

    @Autowired
    EventRepository events;

    @BeforeEach
    void addTenant() {   // the event types are seeded by the migration (V2__event_types.sql)
        service.signUp(42, "ada@example.com");
    }

    @Test
    void should_route_every_repository_method_to_one_worker(RecordedStatements statements) {
        service.logIn(42, "token-1", Instant.now().plusSeconds(3600));

        assertThat(events.findByOwnerIdAndEventTypeOrderById(42, "login")).hasSize(1);
        assertThat(events.countByOwnerId(42)).isEqualTo(1);
        assertThat(events.deleteByOwnerIdAndEventType(42, "login")).isEqualTo(1);

        assertThatStatements(statements)
                .allRoutedToSingleWorker()
                .allTouchOnlyTenant(42L);
    }

    @Test
    void should_keep_a_service_call_on_its_tenants_shard(RecordedStatements statements) {
        service.logIn(42, "token-2", Instant.now().plusSeconds(3600));
        assertThat(service.countEvents(42)).isEqualTo(1);

        assertThatStatements(statements)
                .allRoutedToSingleWorker()
                .allTouchOnlyTenant(42L);
    }

    @Test
    void should_catch_the_service_method_that_lost_its_tenant_filter(RecordedStatements statements) {
        service.forgetEventsOfType(42, "login");

        assertThatThrownBy(() -> assertThatStatements(statements).allRoutedToSingleWorker())
                .hasMessageContaining("1) delete from events e1_0 where e1_0.event_type=$1")
                .hasMessageContaining("parameters: [login]")
                .hasMessageContaining("MULTI_SHARD")
                .hasMessageContaining("it fanned out to 4 tasks");
    }
}
// end::spring-boot-recorded-statements[]

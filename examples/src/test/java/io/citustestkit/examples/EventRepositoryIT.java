package io.citustestkit.examples;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
import static io.citustestkit.examples.TenantData.insertUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * For a library author: a test that fails when a query method of {@link EventRepository} stops
 * filtering by the tenant key. Every tenant-scoped statement must run on one worker; the one report
 * meant for all tenants must stay a parallel query. And every SQL constant of the repository must be
 * in one of the two lists, so a statement added later cannot escape the guard.
 */
@EnabledIfCitusImage
@CitusCluster(workers = 2, shardCount = 4, schema = "classpath:multi-tenant-schema.sql")
class EventRepositoryIT {

    private static final long TENANT = 42L;

    // tag::repository-guard[]
    static Stream<Arguments> tenantScopedStatements() {
        return Stream.of(
                arguments("EVENTS_OF_OWNER", EventRepository.EVENTS_OF_OWNER, new Object[] {TENANT, 20}),
                arguments("COUNT_BY_TYPE", EventRepository.COUNT_BY_TYPE, new Object[] {TENANT}),
                arguments("RECORD_EVENT", EventRepository.RECORD_EVENT, new Object[] {TENANT, "login", "{}"}),
                arguments("FORGET_OWNER", EventRepository.FORGET_OWNER, new Object[] {TENANT}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenantScopedStatements")
    void should_run_every_tenant_scoped_statement_on_one_worker(String name, String sql, Object[] params,
                                                                 DataSource dataSource) {
        assertRoutedToSingleWorker(dataSource, sql, params);
    }

    @Test
    void should_run_the_report_of_all_tenants_in_parallel_on_every_shard(DataSource dataSource) {
        assertThatQuery(dataSource, EventRepository.COUNT_BY_TYPE_OF_ALL_TENANTS).isMultiShard().hasNoRepartition();
    }
    // end::repository-guard[]

    @Test
    void should_guard_every_sql_constant_of_the_repository() {
        List<String> guarded = Stream.concat(tenantScopedStatements().map(arguments -> (String) arguments.get()[0]),
                Stream.of("COUNT_BY_TYPE_OF_ALL_TENANTS")).toList();

        assertThat(sqlConstantsOf(EventRepository.class))
                .as("SQL constants of EventRepository; add a new one to a guarded list of this class")
                .containsExactlyInAnyOrderElementsOf(guarded);
    }

    @Test
    void should_show_the_sql_the_tasks_and_the_classification_when_a_method_stops_filtering_by_tenant(
            DataSource dataSource) {
        // tag::repository-guard-failure[]
        // COUNT_BY_TYPE after someone dropped "WHERE owner_id = ?"
        String countByTypeWithoutTenantFilter = "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY event_type";

        assertThatThrownBy(() -> assertRoutedToSingleWorker(dataSource, countByTypeWithoutTenantFilter))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(countByTypeWithoutTenantFilter)
                .hasMessageContaining("but it runs as 4 tasks on 2 workers")
                .hasMessageContaining("Classification: " + PlanKind.MULTI_SHARD);
        // end::repository-guard-failure[]
    }

    @Test
    void should_keep_each_tenant_s_events_to_itself(DataSource dataSource) throws SQLException {
        // GIVEN
        EventRepository repository = new EventRepository(dataSource);
        insertUser(dataSource, 1L);
        insertUser(dataSource, 2L);
        repository.record(1L, "login", "{\"ip\": \"10.0.0.1\"}");
        repository.record(1L, "purchase", "{\"amount\": 12}");
        repository.record(2L, "login", "{}");

        // WHEN / THEN
        assertThat(repository.eventsOf(1L, 10)).extracting(EventRepository.Event::type).containsExactly("purchase", "login");
        assertThat(repository.countByType(2L)).containsExactly(entry("login", 1L));
        assertThat(repository.countByTypeOfAllTenants()).containsExactly(entry("login", 2L), entry("purchase", 1L));
        assertThat(repository.forget(1L)).isEqualTo(2);
        assertThat(repository.eventsOf(1L, 10)).isEmpty();
    }

    private static List<String> sqlConstantsOf(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(field -> field.getType() == String.class)
                .filter(field -> Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
                .map(Field::getName)
                .toList();
    }
}

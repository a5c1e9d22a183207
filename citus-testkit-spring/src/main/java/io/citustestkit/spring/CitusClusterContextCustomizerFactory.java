package io.citustestkit.spring;

import io.citustestkit.junit5.CitusClusterHandle;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import java.util.List;

/**
 * Points the application's {@code DataSource} of a Spring test class that carries
 * {@link io.citustestkit.junit5.CitusCluster @CitusCluster} at the class's cluster: Spring finds this
 * factory in {@code META-INF/spring.factories}, so a test needs no property or configuration code.
 *
 * <pre>{@code
 * @SpringBootTest
 * @CitusCluster(workers = 2, shardCount = 4)    // the application's Flyway migrations make the schema
 * class EventServiceIT {
 *
 *     @Autowired
 *     EventService events;                      // its repositories run on the coordinator
 * }
 * }</pre>
 *
 * <p>The context gets a {@code JdbcConnectionDetails} bean with the coordinator's URL, user and
 * password, the way Spring Boot's {@code @ServiceConnection} points an application at a container:
 * Spring Boot's {@code DataSource} (and Flyway, Liquibase, jOOQ on it) use it instead of the
 * {@code spring.datasource.url}, {@code username} and {@code password} properties, and keep the rest of
 * the application's pool configuration ({@code spring.datasource.hikari.*}).
 *
 * <p>Spring Boot's test slices keep that {@code DataSource} too, with no extra annotation: a
 * {@code @DataJpaTest}, {@code @JdbcTest} or {@code @DataJdbcTest} with {@code @CitusCluster} runs on the
 * coordinator instead of an embedded database, as it does with {@code @ServiceConnection} (only an
 * explicit {@code @AutoConfigureTestDatabase(replace = ANY)} still replaces it).
 *
 * <pre>{@code
 * @DataJpaTest
 * @CitusCluster(workers = 2)
 * class UserRepositoryIT {
 *
 *     @Autowired
 *     UserRepository users;                     // on the coordinator, each test rolled back
 * }
 * }</pre>
 *
 * <p>The cluster is the one the JUnit extension gives the class (one per configuration and test run),
 * so tests of every class with that configuration, Spring or not, share it. Spring caches the context
 * under that cluster: classes with the same cluster and the same Spring configuration share one
 * context, and a context is closed with its cluster at the end of the run and never handed to a later
 * run's tests.
 */
final class CitusClusterContextCustomizerFactory implements ContextCustomizerFactory {

    /** Made by Spring's test framework, from {@code META-INF/spring.factories}. */
    CitusClusterContextCustomizerFactory() {
    }

    /**
     * A customizer pointing the context at the class's cluster, or none without {@code @CitusCluster}.
     *
     * @param testClass the test class whose context Spring prepares
     * @param configAttributes its {@code @ContextConfiguration} attributes (not used)
     * @return the customizer, or {@code null} when no {@code @CitusCluster} applies to the class
     */
    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return CitusClusterHandle.forTestClass(testClass).map(CoordinatorContextCustomizer::new).orElse(null);
    }
}

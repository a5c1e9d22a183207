package io.citustestkit.junit5;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Marks a field to receive the {@link CitusCluster @CitusCluster} cluster of its class: a
 * {@link javax.sql.DataSource} (a pooled connection to the coordinator) or an
 * {@link io.citustestkit.CitusTestCluster} (the running cluster). Static fields are injected before
 * the class's {@code @BeforeAll} methods, instance fields right after the test instance is created.
 * Fields may be private and must not be final.
 *
 * <pre>{@code
 * @CitusCluster(schema = "classpath:schema.sql")
 * class EventQueriesTest {
 *
 *     @CitusResource
 *     static CitusTestCluster cluster;
 *
 *     @CitusResource
 *     DataSource dataSource;
 *
 *     @BeforeAll
 *     static void printCoordinator() {
 *         System.out.println(cluster.jdbcUrl());
 *     }
 * }
 * }</pre>
 *
 * <p>Method and constructor parameters of those types need no marker while they carry no other
 * annotation; one that does (Spring's {@code @Autowired}) is left to the resolver that annotation asks
 * for. A marked parameter is always this extension's: one of another type is reported as an error
 * instead of being left to other resolvers.
 */
@API(status = STABLE, since = "0.1")
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(CitusClusterExtension.class)
public @interface CitusResource {
}

/**
 * JUnit 5 support: {@link io.citustestkit.junit5.CitusCluster @CitusCluster} gives a test class a cluster
 * (one per configuration, shared by every class that asks for the same one, closed at the end of the
 * run), injected into fields and parameters annotated
 * {@link io.citustestkit.junit5.CitusResource @CitusResource}, with the tables cleaned between tests ({@link io.citustestkit.junit5.TableCleanup}).
 * {@link io.citustestkit.junit5.CitusClusterHandle} is experimental; everything else here is
 * package-private.
 *
 * <pre>{@code
 * @CitusCluster(workers = 2, schema = "classpath:schema.sql")
 * class EventRepositoryTest {
 *     @CitusResource DataSource dataSource;
 * }
 * }</pre>
 */
package io.citustestkit.junit5;

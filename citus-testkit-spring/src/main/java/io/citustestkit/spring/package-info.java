/**
 * Spring Boot test support: a Spring test class annotated {@code @CitusCluster} gets its application's
 * {@code DataSource} pointed at the class's cluster (the coordinator), through a
 * {@code ContextCustomizerFactory} registered in {@code META-INF/spring.factories}. Nothing here is
 * public API: the annotation is the whole of it.
 *
 * <pre>{@code
 * @SpringBootTest
 * @CitusCluster(workers = 2, schema = "classpath:schema.sql")
 * class EventServiceIT { ... }
 * }</pre>
 */
package io.citustestkit.spring;

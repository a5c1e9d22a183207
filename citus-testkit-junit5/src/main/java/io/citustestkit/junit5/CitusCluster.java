package io.citustestkit.junit5;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Runs a test class against a real Citus cluster: a coordinator and {@link #workers()} workers with
 * the {@link #schema()} applied, shared by every test class of the run that asks for the same
 * configuration, and brought back to the rows the schema left between tests ({@link #cleanup()}).
 *
 * <pre>{@code
 * @CitusCluster(workers = 2, shardCount = 4, schema = "classpath:schema.sql")
 * class EventRepositoryTest {
 *
 *     @CitusResource
 *     static CitusTestCluster cluster;          // static fields: injected before @BeforeAll methods
 *
 *     @Test
 *     void should_store_an_event(DataSource dataSource) throws SQLException {   // parameters need no marker
 *         try (Connection connection = dataSource.getConnection()) {
 *             connection.createStatement().execute("INSERT INTO events (owner_id) VALUES (42)");
 *         }
 *     }
 *
 *     @Test
 *     void should_start_with_the_rows_the_schema_left(DataSource dataSource) {
 *         // the default cleanup, RESTORE, removed the event of the previous test
 *     }
 * }
 * }</pre>
 *
 * <h2>One cluster per configuration</h2>
 * The first class that asks for a configuration starts its cluster; every later class with an equal
 * configuration ({@link #workers()}, the resolved {@link #image()}, {@link #schema()},
 * {@link #shardCount()}, {@link #dataOnTmpfs()}) gets the same running cluster, also when classes run
 * in parallel. The schema is applied once per cluster. The cluster is removed when the test run ends.
 * A cluster that failed to start fails every class that asks for it, at once and with the original
 * cause, instead of being started again for each class. {@link #cleanup()} and
 * {@link #disabledWithoutDocker()} are per class and do not split clusters.
 *
 * <h2>Injection</h2>
 * Parameters of type {@link javax.sql.DataSource} (a pooled connection to the coordinator) or
 * {@link io.citustestkit.CitusTestCluster} (the running cluster) of test methods, lifecycle methods
 * and constructors are resolved without a marker, unless they carry another annotation (Spring's
 * {@code @Autowired DataSource} is the application's, resolved by Spring): an annotated parameter is
 * left to the resolver its annotation asks for, and {@link CitusResource @CitusResource} always asks
 * this one. With citus-testkit-spring, a {@code @SpringBootTest} with {@code @CitusCluster} runs the
 * application's own {@code DataSource} on this cluster. Fields of those types are injected when marked
 * with {@link CitusResource @CitusResource}: static fields before {@code @BeforeAll} methods, instance
 * fields right after the test instance is created.
 *
 * <h2>Your own annotation</h2>
 * {@code @CitusCluster} works as a meta-annotation, so a team can name its configuration once:
 * <pre>{@code
 * @Target(ElementType.TYPE)
 * @Retention(RetentionPolicy.RUNTIME)
 * @CitusCluster(workers = 2, shardCount = 4, schema = {"classpath:schema.sql", "classpath:functions.sql"})
 * public @interface OurCitus {
 * }
 *
 * @OurCitus
 * class BillingTest { ... }
 * }</pre>
 * It is {@link Inherited @Inherited} by subclasses and applies to {@code @Nested} classes; a
 * {@code @Nested} class may declare its own {@code @CitusCluster} to use another configuration.
 *
 * <h2>Running against a cluster you already run</h2>
 * With the system property {@code citus.testkit.url} (or the JUnit configuration parameter of that
 * name, or the environment variable {@code CITUS_TESTKIT_URL}) set to a coordinator's JDBC URL, and
 * {@code citus.testkit.user} / {@code citus.testkit.password} ({@code CITUS_TESTKIT_USER} /
 * {@code CITUS_TESTKIT_PASSWORD}) as needed, no container starts: {@link javax.sql.DataSource}s point
 * at that coordinator, the schema is applied there once per configuration (write it so it can run on
 * that database, e.g. {@code CREATE TABLE IF NOT EXISTS}), {@link #shardCount()} is set for the
 * session that applies it, and {@link #workers()} and {@link #image()} are ignored. The cleanup
 * truncates that cluster's Citus tables too and inserts the rows they held when the run connected
 * (copies kept in the schema {@code citus_testkit_seed} on the coordinator, dropped at the end of the
 * run): point it only at a cluster whose data may be deleted.
 * An injected {@link io.citustestkit.CitusTestCluster} is then connected to that coordinator
 * ({@link io.citustestkit.CitusTestCluster#connect}): its data source, {@code execute} and
 * {@code applySchema} work; its node methods ({@code workers()}, fault injection) do not.
 *
 * @see CitusResource
 * @see TableCleanup
 */
@API(status = STABLE, since = "0.1")
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CitusClusterExtension.class)
public @interface CitusCluster {

    /**
     * Number of workers (default 2); 0 makes a coordinator-only cluster that holds the shards itself.
     *
     * @return the number of workers
     */
    int workers() default 2;

    /**
     * The Citus image, e.g. {@code citusdata/citus:14.1.0}. Empty (the default) resolves it like
     * {@link io.citustestkit.CitusImage#resolve(String)}: the system property {@code citus.testkit.image},
     * else the environment variable {@code CITUS_TESTKIT_IMAGE}, else the pinned default.
     *
     * @return the image reference, or empty to resolve it
     */
    String image() default "";

    /**
     * Schema sources, applied in order once per cluster, after the workers are registered: SQL scripts
     * ({@code classpath:} resources or file paths), Flyway migrations ({@code flyway:classpath:db/migration})
     * and Liquibase changelogs ({@code liquibase:classpath:db/changelog/db.changelog-master.yaml}).
     *
     * @return the schema sources, in the order they are applied
     */
    String[] schema() default {};

    /**
     * {@code citus.shard_count} for tables distributed without an explicit count; 0 (the default) keeps
     * Citus's own default (32). Tests usually want few shards: 4 makes schema creation and cleanup fast.
     *
     * @return the shard count, or 0 for Citus's default
     */
    int shardCount() default 0;

    /**
     * Keeps each node's data directory on a tmpfs (RAM) instead of the container's disk (default
     * false): faster to initialise, costs memory for the data the tests write.
     *
     * @return whether the data directories live on a tmpfs
     */
    boolean dataOnTmpfs() default false;

    /**
     * A fixed password for the superuser {@code test}, for tests that must know it in advance. Empty
     * (the default) gives every cluster a fresh random password; read it from
     * {@link io.citustestkit.CitusTestCluster#password()}, or use the injected {@code DataSource}.
     *
     * @return the superuser's password, or empty for a random one
     */
    String password() default "";

    /**
     * Records the statements each test sends to the coordinator, from any client (the application's own
     * pool too), with what Citus did with them: a parameter of type
     * {@link io.citustestkit.recording.RecordedStatements} receives those of the current test. Tests of
     * a cluster whose statements are recorded run one at a time, so none sees another's statements.
     * At the end of the run the recorded statements are written as the statement report,
     * {@code target/citus-testkit/statements.html} and {@code statements.json} ({@code build/citus-testkit}
     * under Gradle; {@code -Dcitus.testkit.report.dir} to choose); {@code -Dcitus.testkit.report=true}
     * (or {@code CITUS_TESTKIT_REPORT=true}) records every cluster of the run for it.
     *
     * @return whether each test's statements are recorded
     */
    boolean recordStatements() default false;

    /**
     * Turns Citus's schema-based sharding on for the whole cluster
     * ({@code citus.enable_schema_based_sharding}): every schema the schema scripts or the application
     * create becomes a distributed schema (Citus 12+). On an existing cluster it is set for the session
     * that applies the schema scripts.
     *
     * @return whether new schemas are distributed
     */
    boolean schemaBasedSharding() default false;

    /**
     * Whether the cluster may start from snapshots of a cluster with the same configuration (default
     * true; {@code -Dcitus.testkit.snapshots=false} or {@code CITUS_TESTKIT_SNAPSHOTS=false} turn them
     * off everywhere). {@code false} starts this class's cluster from the image, every time: see
     * {@link io.citustestkit.CitusTestCluster.Builder#snapshots(boolean)}.
     *
     * @return whether snapshots may be used
     */
    boolean snapshots() default true;

    /**
     * The suite-wide guard: fails, after it ran, any test whose code sent a statement that fanned out
     * to several shards, with the statements and what Citus did; {@link AllowMultiShardStatements} lets
     * one test or class through. Implies {@link #recordStatements()}.
     *
     * @return whether multi-shard statements fail the test that sent them
     */
    boolean failOnMultiShardStatements() default false;

    /**
     * Whether the class is skipped, with the reason shown, when no Docker engine answers. The default,
     * false, fails the class with a message that says how Docker is looked for: a test that silently
     * does not run is worse than one that fails.
     *
     * @return whether the class is skipped without Docker
     */
    boolean disabledWithoutDocker() default false;

    /**
     * How the tables are cleaned between tests. The default, {@link TableCleanup#RESTORE}, gives
     * every test the rows the schema left (seed rows of migrations, reference data) and nothing else,
     * which is what a test that shares its cluster with other classes expects; sequences keep counting,
     * as they do after a rolled-back transaction. {@link TableCleanup#TRUNCATE} gives empty tables.
     *
     * @return how the tables are cleaned between tests
     */
    TableCleanup cleanup() default TableCleanup.RESTORE;
}

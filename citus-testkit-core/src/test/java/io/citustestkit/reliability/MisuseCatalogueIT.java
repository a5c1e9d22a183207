package io.citustestkit.reliability;

import com.github.dockerjava.api.exception.DockerException;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.ClusterStartException;
import io.citustestkit.metadata.CitusNotInstalledException;
import io.citustestkit.schema.SchemaStatementException;
import io.citustestkit.testsupport.DerivedImages;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.Leftovers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.containers.ContainerLaunchException;
import org.postgresql.util.PSQLException;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertDistributedBy;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.assertions.CitusAssertions.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The catalogue of misuses: each is fed to the kit once, and the error must have the right type, say
 * what went wrong, where, and how to fix it, keep its cause, and leave nothing behind in Docker.
 * The misuses that need a running cluster share one (1 worker, 2 shards per table).
 */
@EnabledIfCitusImage
class MisuseCatalogueIT {

    private static final String MISSING_IMAGE = "citus-testkit-missing/citus:0.0.0";
    /** Derived from the Citus image with an entrypoint that does not exist: Docker cannot run it. */
    private static String NOT_POSTGRES_IMAGE;
    private static final Duration FAST_STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private static CitusTestCluster cluster;
    private static DataSource dataSource;

    /** Records the clusters a misuse configures, so that their leftovers can be counted by cluster id. */
    private final OwnLeftovers.ClusterIds startedClusters = new OwnLeftovers.ClusterIds();
    private OwnLeftovers.Count before;

    @BeforeAll
    static void startSharedCluster() {
        NOT_POSTGRES_IMAGE = DerivedImages.notPostgres();
        cluster = CitusTestCluster.builder().workers(1).shardCount(2).schema("classpath:reliability-misuse-schema.sql")
                .start();
        dataSource = cluster.dataSource();
    }

    @AfterAll
    static void closeSharedCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void countBefore() {
        before = OwnLeftovers.count();
    }

    @AfterEach
    void nothingLeftBehind() {
        assertThat(OwnLeftovers.count()).as("labelled containers and networks of this JVM after the misuse")
                .isEqualTo(before);
        for (String clusterId : startedClusters.seen()) {
            assertThat(Leftovers.containers(clusterId)).as("containers of cluster %s after the misuse", clusterId).isZero();
            assertThat(Leftovers.networks(clusterId)).as("networks of cluster %s after the misuse", clusterId).isZero();
        }
    }

    @Test
    void should_name_an_unknown_image_and_the_two_settings_that_choose_another() {
        // WHEN
        ClusterStartException error = catchThrowableOfType(ClusterStartException.class, () -> CitusTestCluster.builder()
                .image(MISSING_IMAGE).pullTimeout(Duration.ofSeconds(60)).withNodeCustomizer(startedClusters).start());
        // THEN
        assertThat(error).as("what: the image, and where it was set")
                .hasMessageStartingWith("Could not obtain the Citus image '" + MISSING_IMAGE + "' (set in code): ")
                .hasMessageContaining("It is not present locally and could not be pulled.")
                .as("how to fix: pull or build it, or choose another image")
                .hasMessageContaining("Pull or build it first")
                .hasMessageContaining("citus.testkit.image")
                .hasMessageContaining("CITUS_TESTKIT_IMAGE")
                .as("the cause: Docker's answer to the pull")
                .hasCauseInstanceOf(DockerException.class);
        assertThat(startedClusters.seen()).as("clusters configured: the image is checked before any node").isEmpty();
    }

    @Test
    void should_name_the_node_and_show_what_happened_when_the_image_is_not_postgres() {
        // GIVEN
        long started = System.nanoTime();
        // WHEN
        ClusterStartException error = catchThrowableOfType(ClusterStartException.class, () -> CitusTestCluster.builder()
                .image(NOT_POSTGRES_IMAGE).workers(1).startupTimeout(FAST_STARTUP_TIMEOUT)
                .withNodeCustomizer(startedClusters).start());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // THEN
        assertThat(error).as("what and where: each node, with its image")
                .hasMessageContaining("Node coordinator (image " + NOT_POSTGRES_IMAGE + ") did not start")
                .hasMessageContaining("Node worker-1 (image " + NOT_POSTGRES_IMAGE + ") did not start")
                .as("what happened: Docker could not run postgres in it")
                .hasMessageContaining("Docker could not create or start its container: ")
                .hasMessageContaining("/citus-testkit/no-such-entrypoint")
                .as("how to fix: a Citus image, and where to choose it")
                .hasMessageContaining("Is '" + NOT_POSTGRES_IMAGE + "' (set in code) a Citus image?")
                .hasMessageContaining("citus.testkit.image")
                .hasMessageContaining("Last lines of its log:")
                .hasCauseInstanceOf(ContainerLaunchException.class);
        assertThat(took).as("time to fail: at once, not after the %s start-up timeout", FAST_STARTUP_TIMEOUT)
                .isLessThan(FAST_STARTUP_TIMEOUT);
        assertThat(startedClusters.seen()).as("clusters configured").hasSize(1);
    }

    @Test
    void should_name_statement_7_its_line_and_the_syntax_error_with_its_position() {
        // WHEN
        SchemaStatementException error = catchThrowableOfType(SchemaStatementException.class, () -> CitusTestCluster
                .builder().workers(0).shardCount(2).schema("classpath:reliability-syntax-error.sql")
                .withNodeCustomizer(startedClusters).start());
        // THEN
        assertThat(error).as("where: statement 7 of the script, on line 9")
                .hasMessageStartingWith("Schema statement 7 of 'classpath:reliability-syntax-error.sql' (line 9) failed:\n"
                        + "  CREATE TABLE invoices ( ...\n")
                .as("what: the server's syntax error and its position within the statement")
                .hasMessageContaining("ERROR: syntax error at or near \"total\" (SQLSTATE 42601)")
                // "total" on line 12 is character 83 of the statement: 24 + 31 + 23 characters of the lines
                // before it (with their newlines), then 4 spaces
                .hasMessageContaining("at character 83:\n        total numeric\n        ^")
                .as("how to fix")
                .hasMessageContaining("Fix the statement in 'classpath:reliability-syntax-error.sql'")
                .hasCauseInstanceOf(PSQLException.class);
        assertThat(error.statement().number()).isEqualTo(7);
        assertThat(error.statement().line()).isEqualTo(9);
        assertThat(startedClusters.seen()).as("clusters configured").hasSize(1);
    }

    @Test
    void should_show_the_citus_error_when_a_table_is_distributed_by_a_missing_column() {
        // WHEN
        SchemaStatementException error = catchThrowableOfType(SchemaStatementException.class,
                () -> cluster.applySchema("classpath:reliability-missing-column.sql"));
        // THEN
        assertThat(error).as("where: statement 2 of the script")
                .hasMessageStartingWith("Schema statement 2 of 'classpath:reliability-missing-column.sql' (line 3) failed:\n"
                        + "  SELECT create_distributed_table('invoices', 'customer_id')\n")
                .as("what: Citus's error")
                .hasMessageContaining("ERROR: column \"customer_id\" of relation \"invoices\" does not exist (SQLSTATE 42703)")
                .hasMessageContaining("Fix the statement in 'classpath:reliability-missing-column.sql'; the statements before it stay applied.")
                .hasCauseInstanceOf(PSQLException.class);
    }

    @Test
    void should_show_the_citus_error_when_a_statement_distributes_by_a_missing_column() {
        // GIVEN
        cluster.execute("CREATE TABLE refunds (tenant_id bigint NOT NULL, id bigint NOT NULL)");
        // WHEN
        CitusTestkitException error = catchThrowableOfType(CitusTestkitException.class,
                () -> cluster.execute("SELECT create_distributed_table('refunds', 'customer_id')"));
        // THEN
        assertThat(error)
                .hasMessageStartingWith("Statement failed on the coordinator of cluster " + cluster.id() + ":\n"
                        + "  SELECT create_distributed_table('refunds', 'customer_id')\n"
                        + "  ERROR: column \"customer_id\" of relation \"refunds\" does not exist (SQLSTATE 42703)")
                .hasCauseInstanceOf(PSQLException.class);
    }

    @Test
    void should_name_a_table_that_does_not_exist() {
        // WHEN
        AssertionError distributedBy = catchThrowableOfType(AssertionError.class,
                () -> assertDistributedBy(dataSource, "no_such_table", "owner_id"));
        AssertionError colocated = catchThrowableOfType(AssertionError.class,
                () -> assertColocated(dataSource, "events", "no_such_table"));
        AssertionError routed = catchThrowableOfType(AssertionError.class,
                () -> assertRoutedToSingleWorker(dataSource, "SELECT * FROM no_such_table WHERE owner_id = ?", 1L));
        // THEN
        assertThat(distributedBy)
                .hasMessageContaining("Expecting table:%n  no_such_table%nto exist%n".formatted())
                .hasMessageContaining("to_regclass('no_such_table') found no relation of that name under the current"
                        + " search_path");
        assertThat(colocated).hasMessageContaining("but table no_such_table does not exist");
        assertThat(routed).as("the server's error, with where in the statement")
                .hasMessageContaining("SELECT * FROM no_such_table WHERE owner_id = ?")
                .hasMessageContaining("relation \"no_such_table\" does not exist (SQLSTATE 42P01)")
                .hasMessageContaining("at character 15:")
                .hasCauseInstanceOf(PSQLException.class);
    }

    @Test
    void should_reject_too_few_parameters_as_a_caller_mistake_not_an_assertion_failure() {
        // WHEN
        IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class, () -> assertRoutedToSingleWorker(
                dataSource, "SELECT * FROM events WHERE owner_id = ? AND kind = ?", 1L));
        // THEN
        assertThat(error).as("what is wrong, with the statement and how to fix it")
                .hasMessage("The statement has 2 ? placeholders but 1 parameter was given [1]: pass one value per ?.%n"
                        .formatted() + "  Statement: SELECT * FROM events WHERE owner_id = ? AND kind = ?")
                .hasCauseInstanceOf(PSQLException.class);
    }

    @Test
    void should_reject_too_many_parameters_as_a_caller_mistake_not_an_assertion_failure() {
        // WHEN
        IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class, () -> assertRoutedToSingleWorker(
                dataSource, "SELECT * FROM events WHERE owner_id = ?", 1L, "login"));
        // THEN
        assertThat(error)
                .hasMessageStartingWith("The statement has 1 ? placeholder but 2 parameters were given [1, login]: pass one value per ?.")
                .hasCauseInstanceOf(PSQLException.class);
    }

    @Test
    void should_say_the_citus_extension_is_not_installed_in_a_plain_postgres_database() {
        // GIVEN a DataSource to a database of the coordinator where Citus was never created
        cluster.execute("CREATE DATABASE plain");
        URI coordinator = URI.create(cluster.jdbcUrl().substring("jdbc:".length()));
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setServerNames(new String[] {coordinator.getHost()});
        plain.setPortNumbers(new int[] {coordinator.getPort()});
        plain.setDatabaseName("plain");
        plain.setUser(cluster.username());
        plain.setPassword(cluster.password());
        // WHEN
        CitusNotInstalledException query = catchThrowableOfType(CitusNotInstalledException.class,
                () -> assertRoutedToSingleWorker(plain, "SELECT * FROM pg_class WHERE oid = ?", 1L));
        CitusNotInstalledException table = catchThrowableOfType(CitusNotInstalledException.class,
                () -> assertThatTable(plain, "pg_class").isDistributedBy("oid"));
        // THEN
        String where = "database \"plain\" (jdbc:postgresql://" + coordinator.getHost() + ":" + coordinator.getPort()
                + "/plain)";
        assertThat(query).as("what and where")
                .hasMessageStartingWith("The citus extension is not installed in " + where)
                .as("how to fix")
                .hasMessageContaining("Point the DataSource or Connection at a Citus coordinator, or run CREATE EXTENSION"
                        + " citus in that database");
        assertThat(table)
                .hasMessageStartingWith("The citus extension is not installed in " + where)
                .as("the missing Citus catalog that revealed it")
                .hasCauseInstanceOf(PSQLException.class);
    }

    @Test
    void should_refuse_minus_one_workers_before_any_container() {
        // WHEN
        IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class,
                () -> CitusTestCluster.builder().workers(-1).withNodeCustomizer(startedClusters).start());
        // THEN
        assertThat(error).as("what, what was expected and how to fix")
                .hasMessage("workers must be 0 or more, but was -1: use 0 for a coordinator-only cluster,"
                        + " or 1 or more workers.");
        assertThat(OwnLeftovers.count()).as("labelled containers and networks of this JVM").isEqualTo(before);
        assertThat(startedClusters.seen()).as("clusters configured").isEmpty();
    }
}

package io.citustestkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.citustestkit.snapshot.SnapshotImages;
import io.citustestkit.snapshot.SnapshotKey;
import io.citustestkit.snapshot.SnapshotSettings;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.images.builder.Transferable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A test cluster nobody else can enter: a random password per cluster, ports on the loopback
 * interface, and no password in any log line, exception message or {@code toString()}.
 */
@EnabledIfCitusImage
class SecurityIT {

    private static final String FIXED_PASSWORD = "Quokka-Zebra-7731-secret";
    private static final String SNAPSHOT_PASSWORD = "Wombat-Heron-4419-secret";
    private static final String FROM_SNAPSHOT_PASSWORD = "Ibis-Marmot-2087-secret";

    private final ListAppender<ILoggingEvent> everyLogLine = new ListAppender<>();
    private final Map<String, Level> levelsBefore = new java.util.HashMap<>();

    @BeforeEach
    void captureEveryLogLine() {
        everyLogLine.start();
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "io.citustestkit", "io.citustestkit.node", "org.testcontainers", "tc",
                "com.zaxxer.hikari", "com.github.dockerjava", "org.postgresql")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(everyLogLine);
    }

    @AfterEach
    void restoreLogging() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(everyLogLine);
        levelsBefore.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    @Test
    void should_give_every_cluster_its_own_random_password_and_refuse_test_test() throws SQLException {
        try (CitusTestCluster first = CitusTestCluster.builder().workers(0).shardCount(2).start();
             CitusTestCluster second = CitusTestCluster.builder().workers(0).shardCount(2).start()) {
            assertThat(first.password()).isNotEqualTo(second.password()).isNotEqualTo("test").hasSizeGreaterThanOrEqualTo(20);
            assertThat(rows(first, first.password(), "SELECT authinfo FROM pg_dist_authinfo"))
                    .as("what Citus uses between the nodes").containsExactly("password=" + first.password());

            assertThatThrownBy(() -> DriverManager.getConnection(first.jdbcUrl(), "test", "test").close())
                    .as("the password every Testcontainers database has")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(first.jdbcUrl(), "test", second.password()).close())
                    .as("another cluster's password")
                    .isInstanceOf(SQLException.class);
            assertLogsAndMessagesHideTheSecret(first.password(), first);
        }
    }

    @Test
    void should_publish_node_ports_on_the_loopback_interface_only() {
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(1).shardCount(2).start()) {
            for (CitusNode node : cluster.allNodes()) {
                Ports.Binding[] bindings = DockerClientFactory.instance().client()
                        .inspectContainerCmd(node.container().getContainerId()).exec()
                        .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(5432));
                assertThat(bindings).as("docker inspect of %s: the host side of port 5432", node.name())
                        .isNotEmpty()
                        .allSatisfy(binding -> assertThat(binding.getHostIp()).isEqualTo("127.0.0.1"));
            }
            assertThat(cluster.jdbcUrl()).startsWith("jdbc:postgresql://localhost:");
        }
    }

    @Test
    void should_accept_a_fixed_password_and_keep_it_out_of_every_log_line_message_and_description() throws SQLException {
        List<String> said = new ArrayList<>();
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(1).shardCount(2).password(FIXED_PASSWORD).start()) {
            assertThat(cluster.password()).isEqualTo(FIXED_PASSWORD);
            assertThat(rows(cluster, FIXED_PASSWORD, "SELECT 1")).containsExactly("1");
            said.add(cluster.toString());
            cluster.allNodes().forEach(node -> said.add(node.toString() + " " + node.jdbcUrl()));
            said.add(String.valueOf(catchThrowable(() -> cluster.execute("SELECT no_such_function('" + "x" + "')")).getMessage()));
            cluster.workers().get(0).restart();
            said.add(String.valueOf(catchThrowable(() -> CitusTestCluster.connect(cluster.jdbcUrl(), "test", "wrong-" + FIXED_PASSWORD))
                    .getMessage()));
            try (CitusTestCluster connected = CitusTestCluster.connect(cluster.jdbcUrl() + "?password=" + FIXED_PASSWORD, "test",
                    FIXED_PASSWORD)) {
                said.add(connected.toString());
                said.add(String.valueOf(catchThrowable(connected::workers).getMessage()));
            }
        }
        said.add(String.valueOf(catchThrowable(() -> CitusTestCluster.builder().workers(1).password(FIXED_PASSWORD)
                .schema("classpath:cluster-it-broken-schema.sql").start()).getMessage()));

        assertThat(said).noneMatch(text -> text.contains(FIXED_PASSWORD) || text.contains("wrong-"));
        assertLogsAndMessagesHideTheSecret(FIXED_PASSWORD, null);
    }

    @Test
    void should_keep_the_password_out_of_every_nodes_server_log_after_registration_and_a_snapshot(@TempDir Path directory)
            throws Exception {
        Path schema = directory.resolve("security-probe.sql");
        Files.writeString(schema, "-- " + UUID.randomUUID() + " (a snapshot key of this test's own)\n"
                + "CREATE TABLE security_probe (id bigint PRIMARY KEY);\nSELECT create_distributed_table('security_probe', 'id');\n");
        CitusTestCluster.Builder builder = CitusTestCluster.builder().workers(1).shardCount(2).schema(schema.toString())
                .snapshots(true).statementRecording(true);
        SnapshotKey key = Preflight.check(builder.password(SNAPSHOT_PASSWORD)).snapshotKey(DockerClientFactory.instance().client()
                .inspectImageCmd(CitusImage.resolve(null).dockerName()).exec().getId());
        try {
            try (CitusTestCluster cold = builder.password(SNAPSHOT_PASSWORD).start()) {
                assertThat(((StartedCitusCluster) cold).snapshot()).as("a cold start, registering the workers").isNull();
                assertThat(SnapshotImages.find(key, 1, SnapshotSettings.maxAge()).snapshot()).as("the snapshot this start made").isNotNull();
                assertThat(rows(cold, SNAPSHOT_PASSWORD, "SELECT authinfo FROM pg_dist_authinfo"))
                        .as("put back on the running cluster after the commit").containsExactly("password=" + SNAPSHOT_PASSWORD);
                assertThat(rows(cold, SNAPSHOT_PASSWORD, "SELECT success::text FROM run_command_on_workers('SELECT 1')"))
                        .as("the coordinator still reaches its worker").containsExactly("true");
                assertLogsAndMessagesHideTheSecret(SNAPSHOT_PASSWORD, cold);
                assertServerLogsHide(SNAPSHOT_PASSWORD, cold);
            }
            synchronized (everyLogLine) { // Logback appends under the appender's lock, from any thread
                everyLogLine.list.clear();
            }
            try (CitusTestCluster warm = builder.password(FROM_SNAPSHOT_PASSWORD).start()) {
                assertThat(((StartedCitusCluster) warm).snapshot()).as("started from the snapshot, the password stored again")
                        .isNotNull();
                assertThat(rows(warm, FROM_SNAPSHOT_PASSWORD, "SELECT authinfo FROM pg_dist_authinfo"))
                        .containsExactly("password=" + FROM_SNAPSHOT_PASSWORD);
                assertLogsAndMessagesHideTheSecret(FROM_SNAPSHOT_PASSWORD, warm);
                assertServerLogsHide(FROM_SNAPSHOT_PASSWORD, warm);
                for (CitusNode node : warm.allNodes()) {
                    assertThat(filesHolding(SNAPSHOT_PASSWORD, node))
                            .as("files of %s, started from the snapshot, that hold the snapshot's inter-node password: "
                                    + "what the snapshot image kept", node.name())
                            .isEmpty();
                }
            }
        } finally {
            SnapshotImages.remove(key.value());
        }
    }

    /**
     * No server log file of any node ({@code log/} in the data directory: the statement log, as JSON and
     * as text) and no container output holds {@code password}. The password goes into the container as a
     * file for {@code grep -f}, never on a command line.
     */
    private static void assertServerLogsHide(String password, CitusTestCluster cluster) throws Exception {
        for (CitusNode node : cluster.allNodes()) {
            assertThat(node.container().getLogs()).as("the output of %s", node.name()).doesNotContain(password);
            List<String> files = filesHolding(password, node);
            if (node == cluster.coordinator()) {
                assertThat(node.container().execInContainer("sh", "-c", "ls -1 \"$PGDATA\"/log").getStdout())
                        .as("the coordinator keeps its statement log in its data directory").contains(".json");
            }
            assertThat(files).as("files in the data directory of %s that hold the password (grep -rlF)", node.name())
                    .noneMatch(file -> file.contains("/log/"));
        }
    }

    /** The files of {@code node}'s data directory that hold {@code password} (given to grep as a file, not an argument). */
    private static List<String> filesHolding(String password, CitusNode node) throws Exception {
        node.container().copyFileToContainer(Transferable.of(password), "/tmp/citus-testkit-needle");
        Container.ExecResult found = node.container().execInContainer("sh", "-c",
                "grep -rlF -f /tmp/citus-testkit-needle \"$PGDATA\"; rm -f /tmp/citus-testkit-needle");
        return Arrays.stream(found.getStdout().split("\n")).filter(line -> !line.isBlank()).toList();
    }

    private void assertLogsAndMessagesHideTheSecret(String password, CitusTestCluster cluster) {
        List<ILoggingEvent> captured;
        synchronized (everyLogLine) { // background threads (docker-java, HikariCP) keep logging while this reads
            captured = new ArrayList<>(everyLogLine.list);
        }
        assertThat(captured).as("log lines captured at DEBUG from the kit, Testcontainers, docker-java, HikariCP, pgjdbc")
                .isNotEmpty();
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured) {
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() != null ? ThrowableProxyUtil.asString(event.getThrowableProxy()) : ""));
        }
        assertThat(lines).as("no log line shows the password").noneMatch(line -> line.contains(password));
        if (cluster != null) {
            assertThat(cluster.toString()).doesNotContain(password);
        }
    }

    private static List<String> rows(CitusTestCluster cluster, String password, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl(), CitusTestCluster.USERNAME, password);
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}

package io.citustestkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    private void assertLogsAndMessagesHideTheSecret(String password, CitusTestCluster cluster) {
        assertThat(everyLogLine.list).as("log lines captured at DEBUG from the kit, Testcontainers, docker-java, HikariCP, pgjdbc")
                .isNotEmpty();
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : everyLogLine.list) {
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

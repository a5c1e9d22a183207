package io.citustestkit.junit5;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.citustestkit.CitusTestCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing cluster whose URL carries the password ({@code ?password=...}): the password is in no
 * log line (at DEBUG, the kit's, HikariCP's, pgjdbc's), no failure message or cause, and no
 * description of the cluster; the URL is shown with {@code password=****}. This class's own cluster
 * plays the existing one.
 */
@EnabledIfCitusImage
@TestCluster
class ExistingClusterSecretsIT {

    private static final String WRONG_PASSWORD = "Wrong-Kestrel-5521-secret";

    @CitusResource
    static CitusTestCluster existing;

    private final ListAppender<ILoggingEvent> everyLogLine = new ListAppender<>();
    private final Map<String, Level> levelsBefore = new HashMap<>();

    @BeforeEach
    void captureEveryLogLine() {
        everyLogLine.start();
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "io.citustestkit", "com.zaxxer.hikari", "org.postgresql")) {
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
    void should_run_on_a_url_with_its_password_and_show_it_nowhere() {
        String url = existing.jdbcUrl() + "?user=" + existing.username() + "&password=" + existing.password();

        EngineExecutionResults results = EngineRuns.run(Map.of(ExistingClusterSettings.URL_PROPERTY, url), UrlPasswordCase.class);

        EngineRuns.assertAllSucceeded(results);
        assertThat(lines()).as("the kit says where it runs").anyMatch(line -> line.contains("password=****"));
        assertThat(lines()).as("no log line shows the password").noneMatch(line -> line.contains(existing.password()));
    }

    @Test
    void should_fail_on_a_refused_url_password_without_showing_it() {
        String url = existing.jdbcUrl() + "?user=" + existing.username() + "&password=" + WRONG_PASSWORD;

        Throwable failure = EngineRuns.failureOf(EngineRuns.run(Map.of(ExistingClusterSettings.URL_PROPERTY, url),
                UrlPasswordCase.class), UrlPasswordCase.class);

        assertThat(failure).hasMessageContaining("Could not connect to the existing Citus cluster at")
                .hasMessageContaining("password=****");
        assertThat(stackTrace(failure)).as("the failure, its causes and their stack traces").doesNotContain(WRONG_PASSWORD);
        assertThat(lines()).as("no log line shows the password").noneMatch(line -> line.contains(WRONG_PASSWORD));
    }

    private List<String> lines() {
        List<ILoggingEvent> captured;
        synchronized (everyLogLine) { // background threads (docker-java, HikariCP) keep logging while this reads
            captured = new ArrayList<>(everyLogLine.list);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured) {
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() != null ? ThrowableProxyUtil.asString(event.getThrowableProxy()) : ""));
        }
        return lines;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    // ---------------------------------------------------------------- fixtures

    @CitusCluster
    static class UrlPasswordCase {
        @Test
        void test(DataSource dataSource, CitusTestCluster cluster) throws Exception {
            assertThat(Sql.queryLong(dataSource, "SELECT 1")).isEqualTo(1);
            assertThat(cluster.toString()).doesNotContain(existing.password());
        }
    }
}

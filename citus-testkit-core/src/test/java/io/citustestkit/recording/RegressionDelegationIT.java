package io.citustestkit.recording;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.citustestkit.assertions.CitusAssertions.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Citus's own regression tests of delegated function calls and procedures ({@code multi_mx_function_call_delegation},
 * {@code multi_mx_call}, {@code forcedelegation_functions}), run statement by statement through a recording 1+2
 * cluster, and the recorded statements checked against what Citus printed for each in those tests' expected output:
 * a statement is recorded as delegated exactly when Citus printed "pushing down ...", as failed exactly when it
 * printed an ERROR (with that error), each delegated call's body is seen on its worker, and no verdict passes for a
 * call whose body Citus's own output shows working on other shards.
 */
@EnabledIfCitusImage
class RegressionDelegationIT {

    private static final String CITUS = "-- citus: ";
    private static final String DELEGATED = "DEBUG:  pushing down";
    private static final String ERROR = "ERROR:  ";
    private static final Pattern CLIENT_MIN_MESSAGES = Pattern.compile("(?i)^(?:set\\s+client_min_messages\\s+(?:to|=)\\s*'?(\\w+)"
            + "|reset\\s+client_min_messages)");
    private static final Pattern CALLED = Pattern.compile("(?i)^\\s*(?:select|call)\\s+(?:[a-z_]+\\.)?([a-z_0-9]+)\\s*\\(");

    private static CitusTestCluster cluster;

    /**
     * One statement of a file, the lines Citus printed for it, whether a new session starts before it, and whether the
     * session printed DEBUG1 messages then ({@code client_min_messages}): only then does the output show "pushing down".
     */
    record Step(String sql, List<String> citus, boolean reconnect, boolean debugShown) {

        boolean delegated() {
            return citus.stream().anyMatch(line -> line.startsWith(DELEGATED));
        }

        String error() {
            return citus.stream().filter(line -> line.startsWith(ERROR)).map(line -> line.substring(ERROR.length())).findFirst()
                    .orElse(null);
        }
    }

    @BeforeAll
    static void start() {
        cluster = CitusTestCluster.builder().workers(2).shardCount(4).start();
        // from src/test/regress/sql/multi_test_helpers.sql: marks a procedure colocated with a table, routed by an argument
        cluster.execute("""
                CREATE OR REPLACE FUNCTION public.colocate_proc_with_table(procname text, tablerelid regclass, argument_index int)
                RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    update pg_catalog.pg_dist_object
                    set distribution_argument_index = argument_index, colocationid = pg_dist_partition.colocationid
                    from pg_proc, pg_dist_partition
                    where proname = procname and oid = objid and pg_dist_partition.logicalrelid = tablerelid;
                END;$$""");
        // a C function of the regression suite's own library: waits until the workers' metadata is synced
        cluster.execute("""
                CREATE OR REPLACE FUNCTION public.wait_until_metadata_sync(timeout int DEFAULT 15000) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    FOR i IN 1 .. greatest(timeout / 100, 1) LOOP
                        IF (SELECT bool_and(metadatasynced) FROM pg_dist_node WHERE noderole = 'primary' AND groupid <> 0) THEN
                            RETURN;
                        END IF;
                        PERFORM pg_sleep(0.1);
                    END LOOP;
                END;$$""");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"multi_mx_function_call_delegation", "multi_mx_call", "forcedelegation_functions"})
    void should_record_what_citus_printed_for_each_statement_of_its_delegation_tests(String file) throws Exception {
        List<Step> steps = steps(file);
        List<Step> sent = new ArrayList<>();
        List<String> actualErrors = new ArrayList<>();
        List<RecordedStatement> recorded;
        try (StatementRecorder recorder = cluster.recordStatements()) {
            Connection connection = connect();
            try {
                for (Step step : steps) {
                    if (step.reconnect()) {
                        connection.close();
                        connection = connect();
                    }
                    if (step.sql().regionMatches(true, 0, "drop", 0, 4)) {
                        recorder.statements().all(); // judged while the tables it drops still have their shards
                    }
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(step.sql());
                    } catch (SQLException e) {
                        actualErrors.add(step.sql() + " -> " + e.getMessage());
                    }
                    if (StatementLog.isApplications(step.sql())) {
                        sent.add(step);
                    }
                }
            } finally {
                connection.close();
            }
            recorded = recorder.statements().all();
        }

        assertThat(recorded).extracting(r -> r.sql().strip()).as("every statement recorded as itself, in order")
                .containsExactlyElementsOf(sent.stream().map(step -> step.sql().strip()).toList());
        assertThat(sent.stream().filter(Step::delegated)).as("the file has delegated calls").isNotEmpty();
        Set<String> fanningOut = fanningOut(steps);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Step step = sent.get(i);
            RecordedStatement statement = recorded.get(i);
            if (step.debugShown() && step.delegated() != statement.isDelegated()) {
                disagreements.add((step.delegated() ? "Citus printed 'pushing down', recorded as not delegated: " : "recorded as "
                        + "delegated, Citus printed no 'pushing down': ") + statement);
            }
            if ((step.error() != null) != statement.failure().isPresent() || step.error() != null
                    && !step.error().equals(statement.failure().get()) && !step.error().startsWith(statement.failure().get() + " at character ")) {
                disagreements.add("Citus printed " + (step.error() == null ? "no error" : "ERROR " + step.error()) + ", recorded: " + statement);
            }
            if (statement.isDelegated() && statement.unseenWorkReason().isPresent()) {
                disagreements.add("the body of a delegated call was not seen: " + statement + ": " + statement.unseenWorkReason().get());
            }
            if (statement.isDelegated() && statement.failure().isEmpty()) {
                checkVerdicts(statement, fanningOut, disagreements);
            }
        }
        assertThat(disagreements).as("recorded statements that disagree with Citus's expected output of %s (errors the driver saw: %s)",
                file, actualErrors).isEmpty();
    }

    /**
     * A delegated call's verdicts agree with what its body did: a body that touched more than one shard, or that
     * Citus's own output shows fanning out (a subplan over the function's tables when the coordinator ran it) never
     * passes allRoutedToSingleWorker.
     */
    private static void checkVerdicts(RecordedStatement statement, Set<String> fanningOut, List<String> disagreements) {
        RecordedStatements one = new RecordedStatements(() -> List.of(statement), new TenantShards(cluster.dataSource()));
        boolean fansOut = statement.shards().size() > 1 || statement.tasks() > 1 || fanningOut.contains(called(statement.sql()));
        boolean passes;
        try {
            assertThatStatements(one).allRoutedToSingleWorker();
            passes = true;
        } catch (AssertionError e) {
            passes = false;
        }
        if (fansOut && passes) {
            disagreements.add("allRoutedToSingleWorker passed for a call whose body works on several shards: " + statement);
        }
        if (fanningOut.contains(called(statement.sql())) && statement.shards().size() < 2) {
            disagreements.add("Citus's output shows " + called(statement.sql()) + " fanning out, but its delegated body was recorded "
                    + "on fewer than 2 shards: " + statement);
        }
    }

    /** The functions whose body Citus's output shows working over whole tables: "generating subplan" lines when run on the coordinator. */
    private static Set<String> fanningOut(List<Step> steps) {
        Set<String> names = new HashSet<>();
        for (Step step : steps) {
            if (step.citus().stream().anyMatch(line -> line.startsWith("DEBUG:  generating subplan")) && called(step.sql()) != null) {
                names.add(called(step.sql()));
            }
        }
        return names;
    }

    private static String called(String sql) {
        Matcher matcher = CALLED.matcher(sql);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(), cluster.username(), cluster.password());
    }

    /** The file's statements, each with the "-- citus:" lines after it. */
    static List<Step> steps(String file) throws IOException {
        String text;
        try (InputStream in = RegressionDelegationIT.class.getResourceAsStream("/citus-regress/" + file + ".sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Step> steps = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        List<String> citus = new ArrayList<>();
        boolean reconnect = false;
        boolean nextReconnects = false;
        boolean debugShown = false;
        boolean pendingDebugShown = false;
        String pending = null;
        for (SqlToken token : SqlLexer.tokenize(text)) {
            if (token.kind() == SqlToken.Kind.LINE_COMMENT) {
                String comment = token.text().strip();
                if (comment.startsWith(CITUS)) {
                    citus.add(comment.substring(CITUS.length()));
                } else if (comment.equals("-- reconnect")) {
                    nextReconnects = true;
                }
                continue;
            }
            if (token.kind() == SqlToken.Kind.SEMICOLON) {
                if (pending != null) {
                    steps.add(new Step(pending, List.copyOf(citus), reconnect, pendingDebugShown));
                }
                pending = sql.toString().strip();
                citus.clear();
                reconnect = nextReconnects;
                nextReconnects = false;
                if (reconnect) {
                    debugShown = false;
                }
                Matcher level = CLIENT_MIN_MESSAGES.matcher(pending);
                if (level.find()) {
                    debugShown = level.group(1) != null && level.group(1).toLowerCase(Locale.ROOT).startsWith("debug");
                }
                pendingDebugShown = debugShown;
                sql.setLength(0);
                continue;
            }
            if (sql.isEmpty() && token.isTrivia()) {
                continue;
            }
            sql.append(token.text());
        }
        if (pending != null) {
            steps.add(new Step(pending, List.copyOf(citus), reconnect, pendingDebugShown));
        }
        return steps;
    }
}

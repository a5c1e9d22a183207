package io.citustestkit.recording;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A call of a function that changes a setting recording reads, in its body or in the settings it runs with. */
class SettingFunctionsTest {

    private static final SettingFunctions.Function QUIET = new SettingFunctions.Function("app.quiet_logging()",
            " BEGIN PERFORM set_config('citus.log_remote_commands', 'off', false); END ", List.of());
    private static final SettingFunctions.Function COUNT_QUIETLY = new SettingFunctions.Function("count_events_quietly()",
            " SELECT count(*) FROM events ", List.of("citus.log_remote_commands=off", "search_path=app"));
    private static final SettingFunctions FUNCTIONS = new SettingFunctions(Map.of("quiet_logging", List.of(QUIET),
            "count_events_quietly", List.of(COUNT_QUIETLY)));

    @Test
    void should_find_the_functions_a_statement_calls_by_name_qualified_or_not() {
        assertThat(FUNCTIONS.calledBy("SELECT app.quiet_logging()")).containsExactly(QUIET);
        assertThat(FUNCTIONS.calledBy("CALL Quiet_Logging ()")).containsExactly(QUIET);
        assertThat(FUNCTIONS.calledBy("SELECT count_events_quietly(), quiet_logging()")).containsExactly(COUNT_QUIETLY, QUIET);
        assertThat(FUNCTIONS.calledBy("SELECT quiet_logging FROM t")).as("a column, not a call").isEmpty();
        assertThat(FUNCTIONS.calledBy("SELECT 'quiet_logging()'")).as("a string").isEmpty();
        assertThat(SettingFunctions.NONE.calledBy("SELECT quiet_logging()")).isEmpty();
    }

    @Test
    void should_follow_the_calls_of_a_body_and_of_a_do_block_and_keep_only_the_functions_that_change_something() {
        SettingFunctions.Function outer = new SettingFunctions.Function("cleanup(bigint)",
                " BEGIN PERFORM app.quiet_logging(); DELETE FROM events WHERE owner_id = $1; END ", List.of());
        SettingFunctions.Function plain = new SettingFunctions.Function("events_of(bigint)", " SELECT count(*) FROM events ", List.of());
        SettingFunctions functions = new SettingFunctions(Map.of("quiet_logging", List.of(QUIET), "cleanup", List.of(outer),
                "events_of", List.of(plain))).relevant();

        assertThat(functions.calledBy("SELECT cleanup(42), events_of(42)")).containsExactly(outer);
        assertThat(functions.effectsOf("SELECT cleanup(42)").changes()).singleElement().satisfies(setting -> assertThat(setting.sql())
                .isEqualTo("SELECT cleanup(42) (the body of app.quiet_logging())"));
        assertThat(functions.effectsOf("DO $$ BEGIN PERFORM cleanup(42); END $$").changes()).hasSize(1);
        assertThat(functions.effectsOf("SELECT events_of(42)").isEmpty()).isTrue();
    }

    @Test
    void should_read_what_a_body_changes_and_which_settings_it_runs_with_hide_what_recording_reads() {
        assertThat(QUIET.bodyChanges("SELECT quiet_logging()")).singleElement().satisfies(setting -> {
            assertThat(setting.name()).isEqualTo("citus.log_remote_commands");
            assertThat(setting.value()).isEqualTo("off");
            assertThat(setting.sql()).isEqualTo("SELECT quiet_logging() (the body of app.quiet_logging())");
        });
        assertThat(COUNT_QUIETLY.hiding()).containsExactly("citus.log_remote_commands=off");
        assertThat(new SettingFunctions.Function("f()", "SELECT 1", List.of("citus.log_remote_commands=on")).hiding())
                .as("the value recording needs").isEmpty();
    }

    @Test
    void should_mark_the_call_of_a_function_that_runs_with_logging_off_and_the_session_after_one_that_turns_it_off() {
        StatementLog log = new StatementLog();
        log.knowFunctions(FUNCTIONS);
        log.add(List.of(statement("SELECT count_events_quietly()"), statement("SELECT count(*) FROM events WHERE owner_id = 42"),
                statement("SELECT quiet_logging()"), statement("SELECT count(*) FROM events")));

        List<ClientStatement> statements = log.statements();
        assertThat(statements.get(0).unseen).isEqualTo("what Citus ran for it is not known: its session changed what the server "
                + "logs (SELECT count_events_quietly() (count_events_quietly() runs with citus.log_remote_commands=off)), and "
                + "recording reads that log");
        assertThat(statements.get(1).unseen).as("the setting was in force only while the function ran").isNull();
        assertThat(statements.get(2).unseen).contains("SELECT quiet_logging() (the body of app.quiet_logging())");
        assertThat(statements.get(3).unseen).contains("SELECT quiet_logging() (the body of app.quiet_logging())");
    }

    private static LogEntry statement(String sql) {
        return new LogEntry("s1", "LOG", "statement: " + sql, null, "app", "client backend");
    }
}

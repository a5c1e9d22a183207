package io.citustestkit.recording;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session that turns off a setting recording reads ({@code SET citus.log_remote_commands TO OFF}, as Citus's
 * {@code forcedelegation_functions} regression test does) hides what Citus runs for its statements: they are then
 * recorded as not seen, and fail the verdicts, until the session sets it back.
 */
class SessionSettingTest {

    @Test
    void should_read_the_setting_and_value_of_a_set_and_a_reset() {
        assertThat(SessionSetting.of("SET citus.log_remote_commands TO OFF")).contains(
                new SessionSetting("citus.log_remote_commands", "off", "SET citus.log_remote_commands TO OFF"));
        assertThat(SessionSetting.of("set local log_statement = 'none'")).hasValueSatisfying(setting ->
                assertThat(setting.value()).isEqualTo("none"));
        assertThat(SessionSetting.of("RESET citus.log_local_commands")).hasValueSatisfying(setting ->
                assertThat(setting.value()).isNull());
        assertThat(SessionSetting.of("SET client_min_messages TO DEBUG1")).as("only what clients receive").isEmpty();
        assertThat(SessionSetting.of("SET search_path TO app")).isEmpty();
        assertThat(SessionSetting.of("SET citus.grep_remote_commands = '%_102011%'")).as("logs only some commands")
                .contains(new SessionSetting("citus.grep_remote_commands", "%_102011%", "SET citus.grep_remote_commands = '%_102011%'"));
        assertThat(SessionSetting.of("SELECT set_config('citus.log_remote_commands', 'off', false)")).hasValueSatisfying(setting ->
                assertThat(setting).extracting(SessionSetting::name, SessionSetting::value).containsExactly("citus.log_remote_commands", "off"));
        assertThat(SessionSetting.of("SELECT pg_catalog.set_config('log_statement', $1, false)")).hasValueSatisfying(setting ->
                assertThat(setting.value()).as("not a constant").isEqualTo("?"));
        assertThat(SessionSetting.of("SELECT set_config('search_path', 'app', false)")).isEmpty();
        assertThat(SessionSetting.of("SET plan_cache_mode TO force_generic_plan"))
                .as("the coordinator names each command's tenant in the command, however the statement was planned").isEmpty();
        assertThat(SessionSetting.of("SELECT 1")).isEmpty();
    }

    @Test
    void should_mark_the_statements_of_a_session_that_turned_off_remote_command_logging_as_not_seen_until_it_is_back_on() {
        StatementLog log = new StatementLog();
        log.add(List.of(
                statement("SELECT count(*) FROM events WHERE owner_id = 42"),
                statement("SET citus.log_remote_commands TO OFF"),
                statement("SELECT count(*) FROM events"),
                statement("SET citus.log_remote_commands TO on"),
                statement("SELECT count(*) FROM events WHERE owner_id = 42")));

        List<ClientStatement> statements = log.statements();
        assertThat(statements).extracting(s -> s.sql).containsExactly("SELECT count(*) FROM events WHERE owner_id = 42",
                "SELECT count(*) FROM events", "SELECT count(*) FROM events WHERE owner_id = 42");
        assertThat(statements.get(0).unseen).isNull();
        assertThat(statements.get(1).unseen).isEqualTo("what Citus ran for it is not known: its session changed what the server "
                + "logs (SET citus.log_remote_commands TO OFF), and recording reads that log");
        assertThat(statements.get(2).unseen).isNull();

        RecordedStatement judged = ExecutionEvidence.judge(statements.get(1), RecordedLogTest.catalog(), table -> "owner_id");
        assertThat(judged.touchesDistributedTables()).as("judged, though no command was seen").isTrue();
        assertThat(judged.unseenWorkReason()).contains(statements.get(1).unseen);
    }

    @Test
    void should_read_each_setting_a_do_block_changes_in_its_body() {
        String block = "DO $body$ BEGIN PERFORM set_config('citus.log_remote_commands', 'off', false); "
                + "SET LOCAL citus.grep_remote_commands = '%x%'; <<inner>> BEGIN RESET log_statement; END inner; END $body$";
        assertThat(SessionSetting.in(block)).extracting(SessionSetting::name, SessionSetting::value, SessionSetting::sql).containsExactly(
                org.assertj.core.groups.Tuple.tuple("citus.log_remote_commands", "off", block),
                org.assertj.core.groups.Tuple.tuple("citus.grep_remote_commands", "%x%", block),
                org.assertj.core.groups.Tuple.tuple("log_statement", null, block));
        assertThat(SessionSetting.in("DO 'BEGIN SET citus.log_remote_commands TO off; END'")).extracting(SessionSetting::value)
                .containsExactly("off");
        assertThat(SessionSetting.in("DO $$ BEGIN PERFORM set_config('search_path', 'app', false); UPDATE t SET n = 1; END $$")).isEmpty();
        assertThat(SessionSetting.in("SELECT 'SET citus.log_remote_commands TO off'")).as("a string of another statement").isEmpty();
        assertThat(SessionSetting.in("DO $$ BEGIN EXECUTE 'SET citus.log_remote_commands TO off'; END $$"))
                .as("named in a way not read: taken as changed").extracting(SessionSetting::name, SessionSetting::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("citus.log_remote_commands", "?"));
        assertThat(SessionSetting.in("DO LANGUAGE plpython3u $$plpy.execute(\"SET LOG_STATEMENT TO 'none'\")$$"))
                .extracting(SessionSetting::name).containsExactly("log_statement");
    }

    @Test
    void should_mark_a_do_block_that_turns_logging_off_and_back_on_as_not_seen_and_the_next_statement_as_seen() {
        StatementLog log = new StatementLog();
        String block = "DO $$ BEGIN PERFORM set_config('citus.log_remote_commands', 'off', false); DELETE FROM events; "
                + "PERFORM set_config('citus.log_remote_commands', 'on', false); END $$";
        log.add(List.of(statement(block), statement("SELECT count(*) FROM events WHERE owner_id = 42"),
                statement("DO $$ BEGIN SET citus.log_remote_commands TO off; END $$"),
                statement("SELECT count(*) FROM events WHERE owner_id = 42")));

        List<ClientStatement> statements = log.statements();
        assertThat(statements).hasSize(4);
        assertThat(statements.get(0).unseen).as("its body ran with the log off in between").isEqualTo("what Citus ran for it is "
                + "not known: its session changed what the server logs (" + block + "), and recording reads that log");
        assertThat(statements.get(1).unseen).isNull();
        assertThat(statements.get(3).unseen).as("the block left it off").contains("SET citus.log_remote_commands TO off");
    }

    @Test
    void should_forget_the_change_on_reset_all() {
        TreeMap<String, String> changed = new TreeMap<>();
        SessionSetting.of("SET citus.log_remote_commands TO off").orElseThrow().applyTo(changed);
        SessionSetting.of("SET citus.stat_tenants_track TO none").orElseThrow().applyTo(changed);
        assertThat(changed).containsOnlyKeys("citus.log_remote_commands", "citus.stat_tenants_track");

        SessionSetting.of("SET citus.grep_remote_commands TO 'x%'").orElseThrow().applyTo(changed);
        SessionSetting.of("SET citus.grep_remote_commands TO ''").orElseThrow().applyTo(changed);
        assertThat(changed).as("back to logging every command").containsOnlyKeys("citus.log_remote_commands", "citus.stat_tenants_track");

        SessionSetting.of("RESET ALL").orElseThrow().applyTo(changed);
        assertThat(changed).isEmpty();
    }

    private static LogEntry statement(String sql) {
        return new LogEntry("s1", "LOG", "statement: " + sql, null, "app", "client backend");
    }
}

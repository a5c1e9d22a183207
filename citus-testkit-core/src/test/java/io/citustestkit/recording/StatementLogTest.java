package io.citustestkit.recording;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads real coordinator log lines (Citus 14.0.1 / PostgreSQL 17, jsonlog) into the clients' statements. */
class StatementLogTest {

    private static final String LOG = """
            {"session_id":"a.1","error_severity":"LOG","message":"statement: SET application_name = 'PostgreSQL JDBC Driver'","backend_type":"client backend"}
            {"session_id":"a.1","error_severity":"LOG","message":"execute <unnamed>: INSERT INTO users (id, email) VALUES ($1, $2)","detail":"Parameters: $1 = '42', $2 = 'it''s'","application_name":"PostgreSQL JDBC Driver","backend_type":"client backend"}
            {"session_id":"b.2","error_severity":"LOG","message":"statement: SELECT waiting_pid FROM dump_local_wait_edges()","application_name":"citus_internal gpid=10000000123","backend_type":"client backend"}
            {"session_id":"a.1","error_severity":"NOTICE","message":"issuing INSERT INTO public.users_102009 (id, email) VALUES ('42'::bigint, 'it''s'::text)","detail":"on server test@worker-1:5432 connectionId: 1","application_name":"PostgreSQL JDBC Driver","backend_type":"client backend"}
            {"session_id":"c.3","error_severity":"LOG","message":"statement: INSERT INTO event_types VALUES ('x')","application_name":"citus-testkit","backend_type":"client backend"}
            {"session_id":"c.3","error_severity":"NOTICE","message":"issuing INSERT INTO public.event_types_102012 AS citus_table_alias (name) VALUES ('x'::text)","detail":"on server test@worker-1:5432 connectionId: 1","backend_type":"client backend"}
            {"session_id":"c.3","error_severity":"NOTICE","message":"executing the command locally: INSERT INTO public.event_types_102012 AS citus_table_alias (name) VALUES ('x'::text)","backend_type":"client backend"}
            {"session_id":"c.3","error_severity":"LOG","message":"statement: INSERT INTO public.event_types_102012 AS citus_table_alias (name) VALUES ('x'::text)","backend_type":"client backend"}
            {"session_id":"c.3","error_severity":"NOTICE","message":"issuing PREPARE TRANSACTION 'citus_0_86_6_5'","detail":"on server test@worker-1:5432 connectionId: 1","backend_type":"client backend"}
            {"session_id":"c.3","error_severity":"LOG","message":"statement: /* citus-testkit */ SELECT 'citus-testkit barrier 1'","backend_type":"client backend"}
            {"session_id":"d.4","error_severity":"ERROR","message":"duplicate key value violates unique constraint","backend_type":"client backend"}
            {"pid":1,"error_severity":"LOG","message":"checkpoint starting","backend_type":"checkpointer"}
            """;

    @Test
    void should_give_each_client_statement_its_parameters_and_the_commands_citus_ran_for_it() {
        StatementLog log = new StatementLog();
        log.add(JsonLog.entries(LOG));

        List<ClientStatement> statements = log.statements();

        assertThat(statements).extracting(s -> s.sql).as("SET, Citus's own connections and the kit's statements are left out")
                .containsExactly("INSERT INTO users (id, email) VALUES ($1, $2)", "INSERT INTO event_types VALUES ('x')");
        assertThat(statements.get(0).parameters).containsExactly("42", "it's");
        assertThat(statements.get(0).commands).extracting(ExecutedCommand::node).containsExactly("worker-1");
        assertThat(statements.get(1).commands).as("the local task's re-logged statement belongs to the client's statement")
                .extracting(ExecutedCommand::node).containsExactly("worker-1", null, "worker-1");
    }

    @Test
    void should_record_a_simple_query_of_several_statements_that_begins_with_transaction_control_or_a_setting() {
        StatementLog log = new StatementLog();
        log.add(JsonLog.entries("""
                {"session_id":"a.1","error_severity":"LOG","message":"statement: SET LOCAL app.tenant = '42'; DELETE FROM events WHERE note = ';'","backend_type":"client backend"}
                {"session_id":"a.1","error_severity":"NOTICE","message":"issuing DELETE FROM public.events_102008 events WHERE (note OPERATOR(pg_catalog.=) ';'::text)","detail":"on server test@worker-1:5432 connectionId: 1","backend_type":"client backend"}
                {"session_id":"a.1","error_severity":"NOTICE","message":"issuing DELETE FROM public.events_102009 events WHERE (note OPERATOR(pg_catalog.=) ';'::text)","detail":"on server test@worker-2:5432 connectionId: 2","backend_type":"client backend"}
                {"session_id":"a.1","error_severity":"LOG","message":"statement: BEGIN; SET citus.log_remote_commands = off; DELETE FROM events; COMMIT","backend_type":"client backend"}
                {"session_id":"a.1","error_severity":"LOG","message":"statement: BEGIN; COMMIT","backend_type":"client backend"}
                """));

        List<ClientStatement> statements = log.statements();

        assertThat(statements).extracting(s -> s.sql).as("text that holds an application's statement is recorded, whatever comes first")
                .containsExactly("SET LOCAL app.tenant = '42'; DELETE FROM events WHERE note = ';'",
                        "BEGIN; SET citus.log_remote_commands = off; DELETE FROM events; COMMIT");
        assertThat(statements.get(0).commands).extracting(ExecutedCommand::node).containsExactly("worker-1", "worker-2");
        assertThat(statements.get(0).unseen).isNull();
        assertThat(statements.get(1).unseen).as("a setting that hides the commands, as the second statement of the text")
                .contains("SET citus.log_remote_commands = off");
    }

    @Test
    void should_read_parameters_as_postgresql_15_and_17_log_them() {
        assertThat(LoggedParameters.parse("parameters: $1 = '1', $2 = NULL, $3 = 'a, b'")).containsExactly("1", null, "a, b");
        assertThat(LoggedParameters.parse("Parameters: $1 = ''''")).containsExactly("'");
        assertThat(LoggedParameters.parse(null)).isEmpty();
    }

    @Test
    void should_read_the_node_from_citus_detail() {
        assertThat(ExecutedCommand.host("on server test@worker-2:5432 connectionId: 7")).isEqualTo("worker-2");
        assertThat(ExecutedCommand.host(null)).isEqualTo("?");
    }
}

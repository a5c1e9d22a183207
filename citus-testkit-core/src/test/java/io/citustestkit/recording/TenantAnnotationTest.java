package io.citustestkit.recording;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant Citus writes at the start of the commands it sends ({@code citus.stat_tenants_track = all}), as its
 * coordinator logged them (Citus 14.0.1 / PostgreSQL 18): the value as the column type's text, JSON-quoted, with
 * {@code *} and {@code /} escaped so that the comment cannot end early.
 */
class TenantAnnotationTest {

    private static final String SELECT = "SELECT count(*) AS count, sum(amount) AS sum FROM public.t01_102011 t01 "
            + "WHERE (tenant_id OPERATOR(pg_catalog.=) $1)";

    @Test
    void should_take_the_tenant_and_the_command_apart() {
        TenantAnnotation annotation = TenantAnnotation.of("/*{\"cId\":1,\"tId\":\"42\"}*/" + SELECT);

        assertThat(annotation.tenant()).isEqualTo("42");
        assertThat(annotation.sql()).isEqualTo(SELECT);
    }

    @Test
    void should_name_no_tenant_for_a_schema_based_tenant_or_a_command_without_an_annotation() {
        assertThat(TenantAnnotation.of("/*{\"cId\":5}*/SELECT 1 FROM tenant_a.orders_102100 orders"))
                .isEqualTo(new TenantAnnotation("SELECT 1 FROM tenant_a.orders_102100 orders", null));
        assertThat(TenantAnnotation.of("SELECT count(*) AS count FROM public.t01_102010 t01"))
                .isEqualTo(new TenantAnnotation("SELECT count(*) AS count FROM public.t01_102010 t01", null));
        assertThat(TenantAnnotation.of("/* an application's own comment */SELECT 1").tenant()).isNull();
        assertThat(TenantAnnotation.of("/*{\"cId\":1,\"tId\":\"42\"")).as("cut short: not an annotation")
                .isEqualTo(new TenantAnnotation("/*{\"cId\":1,\"tId\":\"42\"", null));
    }

    @Test
    void should_undo_the_escaping_of_a_text_value_that_could_end_the_comment() {
        // Citus: EscapeCommentChars("a*/b\\c\"d") = a\*\/b\c"d, then escape_json
        String sent = "/*{\"cId\":3,\"tId\":\"a\\\\*\\\\/b\\\\c\\\"d\"}*/SELECT 1";

        TenantAnnotation annotation = TenantAnnotation.of(sent);

        assertThat(annotation.tenant()).isEqualTo("a*/b\\c\"d");
        assertThat(annotation.sql()).isEqualTo("SELECT 1");
    }

    @Test
    void should_read_the_tenant_of_a_command_citus_logged_as_sent() {
        LogEntry issued = new LogEntry("s1", "NOTICE", "issuing /*{\"cId\":1,\"tId\":\"43\"}*/" + SELECT, "on server test@worker-2:5432 connectionId: 4",
                "PostgreSQL JDBC Driver", "client backend");

        ExecutedCommand command = ExecutedCommand.of(issued);

        assertThat(command).isEqualTo(new ExecutedCommand("worker-2", SELECT, "43", false, true));
        assertThat(command.withPlannedValue("42")).as("the command's own value is exact; a planned one does not replace it")
                .isEqualTo(command);
    }
}

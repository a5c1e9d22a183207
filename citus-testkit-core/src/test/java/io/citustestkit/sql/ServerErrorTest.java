package io.citustestkit.sql;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ServerErrorTest {

    /** The server's answer as Citus 14.0.1 sends it for a UNIQUE constraint without the distribution column. */
    private static final String CITUS_UNIQUE_ERROR = "SERROR\0VERROR\0C0A000\0"
            + "Mcannot create constraint on \"events_102008\"\0"
            + "DDistributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the "
            + "partition column (with an equality operator if EXCLUDE).\0"
            + "Fcommands.c\0L100\0Rcheck\0";

    @Test
    void should_render_the_line_of_the_error_with_a_caret() {
        // GIVEN
        String sql = "SELECT *\nFROM events\nWHERE nope = 1";
        ServerError error = new ServerError("ERROR", "42703", "column \"nope\" does not exist", null, null,
                sql.indexOf("nope") + 1);
        // WHEN / THEN
        assertThat(error.render(sql)).isEqualTo("""
                ERROR: column "nope" does not exist (SQLSTATE 42703)
                at character 28:
                  WHERE nope = 1
                        ^""");
    }

    @Test
    void should_cut_a_long_line_around_the_error() {
        // GIVEN
        String sql = "SELECT " + "a, ".repeat(30) + "nope" + ", b".repeat(30) + " FROM t";
        ServerError error = new ServerError("ERROR", null, "column \"nope\" does not exist", null, "Check it.",
                sql.indexOf("nope") + 1);
        // WHEN
        String rendered = error.render(sql);
        // THEN
        assertThat(rendered.lines()).hasSize(5);
        String excerpt = rendered.lines().skip(2).findFirst().orElseThrow();
        String caret = rendered.lines().skip(3).findFirst().orElseThrow();
        assertThat(excerpt).startsWith("  ...").endsWith("...");
        assertThat(excerpt.substring(caret.indexOf('^'))).startsWith("nope");
        assertThat(rendered).endsWith("HINT: Check it.");
    }

    @Test
    void should_read_message_sqlstate_detail_hint_and_position_of_the_server() {
        // GIVEN
        SQLException e = new PSQLException(new ServerErrorMessage(
                "SERROR\0C42703\0Mcolumn \"tenant\" does not exist\0DSome detail.\0"
                        + "HPerhaps you meant to reference the column \"t.tenant_id\".\0P8\0"));
        // WHEN
        ServerError error = ServerError.of(e);
        // THEN
        assertThat(error).isEqualTo(new ServerError("ERROR", "42703", "column \"tenant\" does not exist",
                "Some detail.", "Perhaps you meant to reference the column \"t.tenant_id\".", 8));
        assertThat(error.render("SELECT tenant FROM t")).isEqualTo("""
                ERROR: column "tenant" does not exist (SQLSTATE 42703)
                at character 8:
                  SELECT tenant FROM t
                         ^
                DETAIL: Some detail.
                HINT: Perhaps you meant to reference the column "t.tenant_id".""");
    }

    @Test
    void should_render_citus_detail_without_a_position() {
        // GIVEN
        ServerError error = ServerError.of(new PSQLException(new ServerErrorMessage(CITUS_UNIQUE_ERROR)));
        // WHEN / THEN
        assertThat(error.render("SELECT create_distributed_table('events', 'owner_id')")).isEqualTo("""
                ERROR: cannot create constraint on "events_102008" (SQLSTATE 0A000)
                DETAIL: Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not \
                include the partition column (with an equality operator if EXCLUDE).""");
    }

    @Test
    void should_keep_the_message_of_a_driver_error_without_server_details() {
        // GIVEN
        SQLException e = new PSQLException("No value specified for parameter 2.", PSQLState.INVALID_PARAMETER_VALUE);
        // WHEN
        ServerError error = ServerError.of(e);
        // THEN
        assertThat(error.message()).isEqualTo("No value specified for parameter 2.");
        assertThat(error.sqlState()).isEqualTo("22023");
        assertThat(error.position()).isZero();
        assertThat(error.render("SELECT ?, ?")).isEqualTo("ERROR: No value specified for parameter 2. (SQLSTATE 22023)");
    }

    @Test
    void should_leave_out_a_position_outside_the_statement_or_without_one() {
        // GIVEN
        ServerError error = new ServerError("ERROR", null, "syntax error at end of input", null, null, 40);
        // WHEN / THEN
        assertThat(error.render("SELECT (")).isEqualTo("ERROR: syntax error at end of input");
        assertThat(error.render(null)).isEqualTo("ERROR: syntax error at end of input");
        assertThat(error.withPosition(8).render("SELECT (")).contains("at character 8:");
    }
}

package io.citustestkit.plan;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ServerErrorTest {

    @Test
    void should_map_a_position_in_the_sent_statement_back_to_the_query_without_parameters() {
        SqlQuery query = SqlQuery.of("SELECT nope FROM events");
        assertThat(ServerError.positionInQuery(query, 8)).isEqualTo(8);
    }

    @Test
    void should_account_for_placeholders_sent_as_dollar_parameters() {
        // GIVEN "SELECT ? + ?, nope" sent as "SELECT $1 + $2, nope"
        SqlQuery query = SqlQuery.of("SELECT ? + ?, nope", 1, 2);
        // WHEN / THEN: "nope" is at 16 as sent, 14 as written
        assertThat(ServerError.positionInQuery(query, 16)).isEqualTo(14);
    }

    @Test
    void should_account_for_two_digit_parameter_numbers() {
        // GIVEN 11 placeholders: the eleventh is sent as $11 (three characters)
        SqlQuery query = SqlQuery.of("SELECT ?,?,?,?,?,?,?,?,?,?,?,x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        String sent = "SELECT $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,x";
        // WHEN / THEN
        assertThat(ServerError.positionInQuery(query, sent.indexOf('x') + 1))
                .isEqualTo(query.sql().indexOf('x') + 1);
    }

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
    void should_keep_the_message_of_a_driver_error_without_server_details() {
        // GIVEN
        SQLException e = new PSQLException("No value specified for parameter 2.", PSQLState.INVALID_PARAMETER_VALUE);
        // WHEN
        ServerError error = ServerError.from(e, SqlQuery.of("SELECT ?, ?", 1), ExplainRunner.EXPLAIN_PREFIX.length());
        // THEN
        assertThat(error.message()).isEqualTo("No value specified for parameter 2.");
        assertThat(error.sqlState()).isEqualTo("22023");
        assertThat(error.position()).isZero();
    }
}

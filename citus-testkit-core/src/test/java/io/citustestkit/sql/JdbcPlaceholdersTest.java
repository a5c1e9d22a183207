package io.citustestkit.sql;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcPlaceholdersTest {

    @Test
    void should_count_placeholders_outside_quotes_comments_and_dollar_quotes() {
        assertThat(JdbcPlaceholders.count("SELECT ?, '?', \"?\", $$?$$, $t$?$t$, E'\\'?' -- ?\n /* ? */ , x ?? 'k', ?::int"))
                .isEqualTo(2);
    }

    @Test
    void should_inline_literals_and_unescape_doubled_question_marks() {
        assertThat(JdbcPlaceholders.inline("SELECT ?, '?', props ?? 'k', ?::int", i -> Optional.of("(" + i + ")")))
                .contains("SELECT (0), '?', props ? 'k', (1)::int");
        assertThat(JdbcPlaceholders.inline("SELECT ?", i -> Optional.empty())).isEmpty();
    }

    @Test
    void should_map_a_position_in_the_sent_statement_back_to_the_statement_without_parameters() {
        assertThat(JdbcPlaceholders.positionAsWritten("SELECT nope FROM events", false, 8)).isEqualTo(8);
        assertThat(JdbcPlaceholders.positionAsWritten("SELECT nope FROM events", false, 0)).isZero();
        assertThat(JdbcPlaceholders.positionAsWritten("SELECT nope", false, 99)).isEqualTo(11);
    }

    @Test
    void should_account_for_placeholders_sent_as_dollar_parameters() {
        // GIVEN "SELECT ? + ?, nope" sent as "SELECT $1 + $2, nope"
        String sql = "SELECT ? + ?, nope";
        String sent = "SELECT $1 + $2, nope";
        // WHEN / THEN
        assertThat(JdbcPlaceholders.positionAsWritten(sql, true, sent.indexOf("nope") + 1)).isEqualTo(sql.indexOf("nope") + 1);
        assertThat(JdbcPlaceholders.positionAsWritten(sql, true, sent.indexOf("$2") + 2))
                .as("inside $2: at its ?").isEqualTo(sql.lastIndexOf('?') + 1);
    }

    @Test
    void should_account_for_two_digit_parameter_numbers() {
        // GIVEN 11 placeholders: the eleventh is sent as $11 (three characters)
        String sql = "SELECT ?,?,?,?,?,?,?,?,?,?,?,x";
        String sent = "SELECT $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,x";
        // WHEN / THEN
        assertThat(JdbcPlaceholders.positionAsWritten(sql, true, sent.indexOf('x') + 1)).isEqualTo(sql.indexOf('x') + 1);
    }

    @Test
    void should_not_count_question_marks_in_literals_and_should_count_doubled_ones_as_one_sent_character() {
        // GIVEN
        String sql = "SELECT '?', x ?? 'k', ?, nope";
        String sent = "SELECT '?', x ? 'k', $1, nope";
        // WHEN / THEN
        assertThat(JdbcPlaceholders.positionAsWritten(sql, true, sent.indexOf("nope") + 1)).isEqualTo(sql.indexOf("nope") + 1);
    }

    @Test
    void should_map_positions_as_the_postgresql_driver_sends_plain_and_prepared_statements() {
        // GIVEN the positions PostgreSQL 17 reported through pgjdbc 42.7.14 for the column "nope"
        String plain = "SELECT '{\"a\":1}'::jsonb ?? 'a', nope";
        String prepared = "SELECT ?::int, '{\"a\":1}'::jsonb ?? 'a', nope";
        // WHEN / THEN: a plain statement keeps its ? but sends ?? as ?; a prepared one also sends ? as $1
        assertThat(JdbcPlaceholders.positionAsWritten(plain, false, 32)).isEqualTo(plain.indexOf("nope") + 1);
        assertThat(JdbcPlaceholders.positionAsWritten(prepared, true, 41)).isEqualTo(prepared.indexOf("nope") + 1);
    }
}

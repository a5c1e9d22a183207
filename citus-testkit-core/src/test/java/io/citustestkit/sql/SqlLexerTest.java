package io.citustestkit.sql;

import io.citustestkit.sql.SqlToken.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static io.citustestkit.sql.SqlToken.Kind.BLOCK_COMMENT;
import static io.citustestkit.sql.SqlToken.Kind.DOLLAR_STRING;
import static io.citustestkit.sql.SqlToken.Kind.ESCAPED_QUESTION_MARK;
import static io.citustestkit.sql.SqlToken.Kind.LINE_COMMENT;
import static io.citustestkit.sql.SqlToken.Kind.NUMBER;
import static io.citustestkit.sql.SqlToken.Kind.PARAMETER;
import static io.citustestkit.sql.SqlToken.Kind.PLACEHOLDER;
import static io.citustestkit.sql.SqlToken.Kind.QUOTED_IDENTIFIER;
import static io.citustestkit.sql.SqlToken.Kind.SEMICOLON;
import static io.citustestkit.sql.SqlToken.Kind.STRING;
import static io.citustestkit.sql.SqlToken.Kind.SYMBOL;
import static io.citustestkit.sql.SqlToken.Kind.WORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SqlLexerTest {

    /** The tokens that are not whitespace, as (kind, text). */
    private static List<SqlToken> code(String sql) {
        return SqlLexer.tokenize(sql).stream().filter(t -> t.kind() != Kind.WHITESPACE).toList();
    }

    @Test
    void should_cover_every_character_so_the_texts_give_the_input_back() {
        String sql = "SELECT 'a''b', E'\\'', $x$ ; $x$ /* c /* d */ */ -- e\n\"q\"\"\" ?? ? $1::int;";
        assertThat(SqlLexer.tokenize(sql).stream().map(SqlToken::text).collect(Collectors.joining())).isEqualTo(sql);
    }

    @Test
    void should_read_a_nested_block_comment_as_one_comment() {
        assertThat(code("/* a /* b; ? */ still ? */ SELECT 1")).extracting(SqlToken::kind, SqlToken::text).containsExactly(
                tuple(BLOCK_COMMENT, "/* a /* b; ? */ still ? */"), tuple(WORD, "SELECT"), tuple(NUMBER, "1"));
    }

    @Test
    void should_end_a_line_comment_before_the_line_break() {
        assertThat(SqlLexer.tokenize("-- ? ; 'x\nSELECT")).extracting(SqlToken::kind, SqlToken::text).containsExactly(
                tuple(LINE_COMMENT, "-- ? ; 'x"), tuple(Kind.WHITESPACE, "\n"), tuple(WORD, "SELECT"));
    }

    @Test
    void should_read_backslash_escapes_only_in_escape_strings() {
        // GIVEN E'\'' is one string; in a standard string a backslash is a character: 'a\' ends at its second quote
        assertThat(code("SELECT E'\\'?', e'\\\\', 'a\\' ?")).extracting(SqlToken::kind, SqlToken::text).containsExactly(
                tuple(WORD, "SELECT"), tuple(STRING, "E'\\'?'"), tuple(SYMBOL, ","), tuple(STRING, "e'\\\\'"),
                tuple(SYMBOL, ","), tuple(STRING, "'a\\'"), tuple(PLACEHOLDER, "?"));
    }

    @Test
    void should_take_e_before_a_quote_as_a_prefix_only_at_the_start_of_a_word() {
        assertThat(code("SELECT type'x', E'y'")).extracting(SqlToken::kind, SqlToken::text).containsExactly(
                tuple(WORD, "SELECT"), tuple(WORD, "type"), tuple(STRING, "'x'"), tuple(SYMBOL, ","), tuple(STRING, "E'y'"));
    }

    @Test
    void should_read_doubled_quotes_inside_strings_and_quoted_identifiers() {
        assertThat(code("SELECT 'it''s ?' AS \"a \"\"?\"\"\"")).extracting(SqlToken::kind, SqlToken::text).containsExactly(
                tuple(WORD, "SELECT"), tuple(STRING, "'it''s ?'"), tuple(WORD, "AS"), tuple(QUOTED_IDENTIFIER, "\"a \"\"?\"\"\""));
    }

    @Test
    void should_read_unicode_bit_and_national_strings_and_unicode_identifiers() {
        assertThat(code("SELECT U&'d\\0061t?', U&\"d?\", B'101', X'1F', N'?'")).extracting(SqlToken::kind, SqlToken::text)
                .containsExactly(tuple(WORD, "SELECT"), tuple(STRING, "U&'d\\0061t?'"), tuple(SYMBOL, ","),
                        tuple(QUOTED_IDENTIFIER, "U&\"d?\""), tuple(SYMBOL, ","), tuple(STRING, "B'101'"),
                        tuple(SYMBOL, ","), tuple(STRING, "X'1F'"), tuple(SYMBOL, ","), tuple(STRING, "N'?'"));
    }

    @Test
    void should_read_a_tagged_dollar_quote_whole_even_with_double_dollars_and_question_marks_inside() {
        String body = "$fn$ SELECT '$$' || ? ; $$ $fn$";
        assertThat(code("CREATE FUNCTION f() AS " + body + ";")).extracting(SqlToken::kind, SqlToken::text)
                .endsWith(tuple(DOLLAR_STRING, body), tuple(SEMICOLON, ";"));
        assertThat(SqlLexer.tokenize(body).get(0).dollarTag()).isEqualTo("$fn$");
    }

    @Test
    void should_read_dollar_digits_as_a_parameter_not_a_dollar_quote_tag() {
        assertThat(code("SELECT $1, $2$ || $12")).extracting(SqlToken::kind, SqlToken::text).containsExactly(
                tuple(WORD, "SELECT"), tuple(PARAMETER, "$1"), tuple(SYMBOL, ","), tuple(PARAMETER, "$2"),
                tuple(SYMBOL, "$"), tuple(SYMBOL, "|"), tuple(SYMBOL, "|"), tuple(PARAMETER, "$12"));
    }

    @Test
    void should_read_dollars_inside_identifiers_as_part_of_the_word() {
        assertThat(code("SELECT a$b, c$$d$$ FROM t")).extracting(SqlToken::kind, SqlToken::text).containsExactly(
                tuple(WORD, "SELECT"), tuple(WORD, "a$b"), tuple(SYMBOL, ","), tuple(WORD, "c$$d$$"), tuple(WORD, "FROM"),
                tuple(WORD, "t"));
    }

    @Test
    void should_not_find_placeholders_inside_comments_strings_identifiers_or_dollar_quotes() {
        String sql = "SELECT '?', \"?\", $$?$$, $t$?$t$, E'\\'?' -- ?\n/* ? */ , ?";
        assertThat(code(sql)).filteredOn(t -> t.kind() == PLACEHOLDER).extracting(SqlToken::start)
                .containsExactly(sql.length() - 1);
    }

    @Test
    void should_read_casts_next_to_placeholders_and_parameters() {
        assertThat(code("WHERE id = ?::bigint AND t = $1::text AND j ?? 'k'")).extracting(SqlToken::kind, SqlToken::text)
                .containsExactly(tuple(WORD, "WHERE"), tuple(WORD, "id"), tuple(SYMBOL, "="), tuple(PLACEHOLDER, "?"),
                        tuple(SYMBOL, "::"), tuple(WORD, "bigint"), tuple(WORD, "AND"), tuple(WORD, "t"),
                        tuple(SYMBOL, "="), tuple(PARAMETER, "$1"), tuple(SYMBOL, "::"), tuple(WORD, "text"),
                        tuple(WORD, "AND"), tuple(WORD, "j"), tuple(ESCAPED_QUESTION_MARK, "??"), tuple(STRING, "'k'"));
    }

    @Test
    void should_read_numbers_with_decimals_and_exponents() {
        assertThat(code("SELECT 1.5e-3, .5, 10-1, 0x1F, 1_000")).filteredOn(t -> t.kind() == NUMBER)
                .extracting(SqlToken::text).containsExactly("1.5e-3", ".5", "10", "1", "0x1F", "1_000");
    }

    @Test
    void should_mark_an_unclosed_token_as_not_terminated_and_run_it_to_the_end() {
        assertThat(SqlLexer.tokenize("SELECT 'oops; ?")).last()
                .extracting(SqlToken::kind, SqlToken::text, SqlToken::terminated).containsExactly(STRING, "'oops; ?", false);
        assertThat(SqlLexer.tokenize("/* a /* b */")).singleElement().extracting(SqlToken::terminated).isEqualTo(false);
        assertThat(SqlLexer.tokenize("$$ body")).singleElement().extracting(SqlToken::kind).isEqualTo(DOLLAR_STRING);
    }

    @Test
    void should_tell_the_line_and_start_of_each_token() {
        List<SqlToken> tokens = code("SELECT 'a\nb',\n  x");
        assertThat(tokens).extracting(SqlToken::text, SqlToken::line, SqlToken::start)
                .containsExactly(tuple("SELECT", 1, 0), tuple("'a\nb'", 1, 7), tuple(",", 2, 12), tuple("x", 3, 16));
    }

    @Test
    void should_fold_words_and_unquote_quoted_identifiers() {
        assertThat(code("Events \"Odd \"\"Name\"\"\" 'str'")).extracting(SqlToken::identifier)
                .containsExactly("events", "Odd \"Name\"", null);
        assertThat(code("SELECT").get(0).isWord("select")).isTrue();
    }
}

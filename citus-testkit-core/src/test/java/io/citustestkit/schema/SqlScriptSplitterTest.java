package io.citustestkit.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SqlScriptSplitterTest {

    @Test
    void should_split_statements_on_semicolons_and_record_number_and_line() {
        List<SqlStatement> statements = SqlScriptSplitter.split("""
                CREATE TABLE users (id bigint PRIMARY KEY);

                SELECT create_distributed_table('users', 'id');
                SELECT 1""");

        assertThat(statements).extracting(SqlStatement::number, SqlStatement::line, SqlStatement::sql).containsExactly(
                tuple(1, 1, "CREATE TABLE users (id bigint PRIMARY KEY)"),
                tuple(2, 3, "SELECT create_distributed_table('users', 'id')"),
                tuple(3, 4, "SELECT 1"));
    }

    @Test
    void should_not_split_on_semicolons_inside_string_literals_and_quoted_identifiers() {
        List<SqlStatement> statements = SqlScriptSplitter.split("""
                INSERT INTO "odd;name" (note) VALUES ('a;b', 'it''s; fine');
                SELECT E'back\\'slash;', 'x';
                """);

        assertThat(statements).extracting(SqlStatement::sql).containsExactly(
                "INSERT INTO \"odd;name\" (note) VALUES ('a;b', 'it''s; fine')",
                "SELECT E'back\\'slash;', 'x'");
    }

    @Test
    void should_skip_line_and_nested_block_comments_but_keep_line_numbers() {
        List<SqlStatement> statements = SqlScriptSplitter.split("""
                -- a comment; with a semicolon
                /* block; /* nested; */ still comment; */
                CREATE TABLE a (id int); -- trailing; comment
                /* only a comment */
                CREATE TABLE b (id int);
                """);

        assertThat(statements).extracting(SqlStatement::line, s -> s.sql().strip())
                .containsExactly(tuple(3, "CREATE TABLE a (id int)"), tuple(5, "CREATE TABLE b (id int)"));
    }

    @Test
    void should_keep_dollar_quoted_function_bodies_whole() {
        String function = """
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.updated_at := now(); -- not a statement end
                  RETURN NEW;
                END;
                $$""";
        String tagged = """
                CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $fn$ SELECT 'a;$$;b' $fn$""";

        List<SqlStatement> statements = SqlScriptSplitter.split(function + ";\n" + tagged + ";\nSELECT 1;");

        assertThat(statements).extracting(SqlStatement::sql).containsExactly(function, tagged, "SELECT 1");
    }

    @Test
    void should_keep_sql_standard_function_bodies_whole_including_case_expressions() {
        String function = """
                CREATE FUNCTION tier(n bigint) RETURNS text LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN n > 100 THEN 'big' ELSE 'small' END;
                  SELECT 'unreachable; really';
                END""";

        List<SqlStatement> statements = SqlScriptSplitter.split(function + ";\nSELECT tier(1);\nBEGIN; COMMIT;");

        assertThat(statements).extracting(SqlStatement::sql).containsExactly(function, "SELECT tier(1)", "BEGIN", "COMMIT");
    }

    @Test
    void should_not_take_positional_parameters_or_identifiers_with_dollars_for_dollar_quotes() {
        List<SqlStatement> statements = SqlScriptSplitter.split("""
                PREPARE p AS SELECT $1; SELECT a$b FROM t;
                """);

        assertThat(statements).extracting(SqlStatement::sql).containsExactly("PREPARE p AS SELECT $1", "SELECT a$b FROM t");
    }

    @Test
    void should_return_no_statements_for_a_script_of_comments_and_whitespace() {
        assertThat(SqlScriptSplitter.split("  -- nothing\n/* here */\n;\n")).isEmpty();
    }

    @Test
    void should_fail_on_an_unterminated_dollar_quote_naming_its_line() {
        assertThatThrownBy(() -> SqlScriptSplitter.split("SELECT 1;\nDO $$ BEGIN\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unterminated dollar-quoted body $$ starting at line 2: the script ends before it is closed. "
                        + "Close it, or check for a stray quote or $ sign.");
    }

    @Test
    void should_fail_on_an_unterminated_string_literal() {
        assertThatThrownBy(() -> SqlScriptSplitter.split("SELECT 'oops;\n"))
                .hasMessageStartingWith("Unterminated string literal starting at line 1");
    }

    @Test
    void should_reject_psql_meta_commands() {
        assertThatThrownBy(() -> SqlScriptSplitter.split("SELECT 1;\n\\connect other\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("psql meta-command at line 2 ('\\connect other')");
    }
}

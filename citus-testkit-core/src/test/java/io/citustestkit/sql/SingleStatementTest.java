package io.citustestkit.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SingleStatementTest {

    @Test
    void should_accept_one_statement_with_or_without_a_trailing_semicolon() {
        assertThatCode(() -> SingleStatement.require("SELECT 1")).doesNotThrowAnyException();
        assertThatCode(() -> SingleStatement.require("SELECT 1;  -- done\n")).doesNotThrowAnyException();
        assertThatCode(() -> SingleStatement.require("SELECT 1;;")).doesNotThrowAnyException();
    }

    @Test
    void should_not_count_semicolons_in_strings_identifiers_dollar_quotes_and_comments() {
        assertThatCode(() -> SingleStatement.require(
                "SELECT ';', \"a;b\", $$; DELETE FROM t$$, E'\\'; x' /* ; */ -- ; DELETE\n FROM events WHERE owner_id = ?"))
                .doesNotThrowAnyException();
        assertThatCode(() -> SingleStatement.require("DO $fn$ BEGIN DELETE FROM t; COMMIT; END $fn$;")).doesNotThrowAnyException();
    }

    @Test
    void should_refuse_a_second_statement_and_quote_it() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SingleStatement.require(
                        "SELECT 1 FROM events WHERE owner_id = 1; COMMIT; DELETE FROM settings WHERE key = 'x'"))
                .withMessage("Expecting one SQL statement, but the text holds more: the kit EXPLAINs exactly one statement "
                        + "and would otherwise run the others.\n"
                        + "  Second statement: COMMIT\n"
                        + "  Whole text: SELECT 1 FROM events WHERE owner_id = 1; COMMIT; DELETE FROM settings WHERE key = 'x'\n"
                        + "  Pass each statement on its own (a trailing ';' is fine).");
        assertThatIllegalArgumentException().isThrownBy(() -> SingleStatement.require("SELECT ';' ; /* c */ DELETE FROM t"))
                .withMessageContaining("Second statement: DELETE FROM t\n");
    }
}

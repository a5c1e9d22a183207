package io.citustestkit.plan;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterInlinerTest {

    @Test
    void should_write_numbers_strings_booleans_and_null_as_literals() {
        SqlQuery query = SqlQuery.of("INSERT INTO t SELECT * FROM s WHERE a = ? AND b = ? AND c = ? AND d IS ?",
                42L, "it's \\ here", true, null);
        assertThat(ParameterInliner.inline(query)).contains(
                "INSERT INTO t SELECT * FROM s WHERE a = (42) AND b = E'it''s \\\\ here' AND c = TRUE AND d IS NULL");
    }

    @Test
    void should_cast_dates_and_uuids() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        SqlQuery query = SqlQuery.of("SELECT ? , ?", LocalDate.of(2024, 1, 31), id);
        assertThat(ParameterInliner.inline(query))
                .contains("SELECT E'2024-01-31'::date , E'00000000-0000-0000-0000-000000000001'::uuid");
    }

    @Test
    void should_leave_question_marks_in_literals_identifiers_comments_and_dollar_quotes() {
        SqlQuery query = SqlQuery.of("SELECT '?', \"a?\", $$?$$, $x$ ? $x$, E'\\'?' -- ?\n/* ? */ , props ?? 'k', ?", 7);
        assertThat(ParameterInliner.inline(query))
                .contains("SELECT '?', \"a?\", $$?$$, $x$ ? $x$, E'\\'?' -- ?\n/* ? */ , props ? 'k', (7)");
    }

    @Test
    void should_not_inline_a_parameter_of_an_unknown_type() {
        assertThat(ParameterInliner.inline(SqlQuery.of("SELECT ?", new Object()))).isEmpty();
        assertThat(ParameterInliner.inline(SqlQuery.of("SELECT ?", (Object) new byte[] {1}))).isEmpty();
    }

    @Test
    void should_not_inline_when_placeholders_and_parameters_do_not_match() {
        assertThat(ParameterInliner.inline(SqlQuery.of("SELECT ?, ?", 1))).isEmpty();
        assertThat(ParameterInliner.inline(SqlQuery.of("SELECT ?", 1, 2))).isEmpty();
    }
}

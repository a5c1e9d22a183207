package io.citustestkit.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SqlQueryTest {

    @Test
    void should_keep_null_parameters() {
        SqlQuery query = SqlQuery.of("SELECT ?, ?", 1L, null);
        assertThat(query.params()).containsExactly(1L, null);
        assertThat(query).hasToString("SELECT ?, ? with parameters [1, null]");
    }

    @Test
    void should_have_no_parameters_for_a_null_array() {
        assertThat(SqlQuery.of("SELECT 1", (Object[]) null).hasParams()).isFalse();
    }

    @Test
    void should_refuse_a_blank_statement() {
        assertThatIllegalArgumentException().isThrownBy(() -> SqlQuery.of("  "))
                .withMessage("Expecting a SQL statement but got a blank string");
    }

    @Test
    void should_refuse_more_than_one_statement_before_anything_is_sent() {
        assertThatIllegalArgumentException().isThrownBy(() -> SqlQuery.of("SELECT * FROM events WHERE owner_id = ?; DELETE FROM events", 1L))
                .withMessageContaining("Second statement: DELETE FROM events");
        assertThat(SqlQuery.of("SELECT 1;").sql()).isEqualTo("SELECT 1;");
    }
}

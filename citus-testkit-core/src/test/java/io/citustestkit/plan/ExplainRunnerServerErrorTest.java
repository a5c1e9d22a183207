package io.citustestkit.plan;

import io.citustestkit.sql.ServerError;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's error of an EXPLAIN, its position moved back into the statement the caller wrote. */
class ExplainRunnerServerErrorTest {

    private static PSQLException errorAt(int position) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C42703\0Mcolumn \"nope\" does not exist\0P" + position + "\0"));
    }

    @Test
    void should_move_the_position_back_over_the_explain_prefix_and_the_dollar_parameters() {
        // GIVEN "SELECT ?, nope" sent as EXPLAIN_PREFIX + "SELECT $1, nope"
        SqlQuery query = SqlQuery.of("SELECT ?, nope", 1);
        int sent = ExplainRunner.EXPLAIN_PREFIX.length() + "SELECT $1, nope".indexOf("nope") + 1;
        // WHEN
        ServerError error = ExplainRunner.serverError(errorAt(sent), query);
        // THEN
        assertThat(error.position()).isEqualTo(query.sql().indexOf("nope") + 1);
        assertThat(error.render(query.sql())).endsWith("\n  SELECT ?, nope\n            ^");
    }

    @Test
    void should_drop_a_position_inside_the_explain_prefix() {
        assertThat(ExplainRunner.serverError(errorAt(3), SqlQuery.of("SELECT 1")).position()).isZero();
    }

    @Test
    void should_keep_a_driver_error_without_a_position() {
        PSQLException e = new PSQLException("No value specified for parameter 2.", PSQLState.INVALID_PARAMETER_VALUE);
        ServerError error = ExplainRunner.serverError(e, SqlQuery.of("SELECT ?, ?", 1));
        assertThat(error.message()).isEqualTo("No value specified for parameter 2.");
        assertThat(error.position()).isZero();
    }
}

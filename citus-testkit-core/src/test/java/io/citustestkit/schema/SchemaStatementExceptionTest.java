package io.citustestkit.schema;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaStatementExceptionTest {

    /** The server's answer as Citus 14.0.1 sends it for a UNIQUE constraint without the distribution column. */
    private static final String CITUS_UNIQUE_ERROR = "SERROR\0VERROR\0C0A000\0"
            + "Mcannot create constraint on \"events_102008\"\0"
            + "DDistributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the "
            + "partition column (with an equality operator if EXCLUDE).\0"
            + "Fcommands.c\0L100\0Rcheck\0";

    @Test
    void should_name_location_statement_line_first_sql_line_and_server_detail() {
        SqlStatement statement = new SqlStatement(3, 12, "SELECT create_distributed_table('events', 'owner_id')\n-- more");
        SQLException cause = new PSQLException(new ServerErrorMessage(CITUS_UNIQUE_ERROR));

        SchemaStatementException exception = new SchemaStatementException("classpath:schema.sql", statement, cause)
                .withClusterDiscarded();

        assertThat(exception).hasCause(cause).hasMessage("""
                Schema statement 3 of 'classpath:schema.sql' (line 12) failed:
                  SELECT create_distributed_table('events', 'owner_id') ...
                  ERROR: cannot create constraint on "events_102008" (SQLSTATE 0A000)
                  DETAIL: Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include \
                the partition column (with an equality operator if EXCLUDE).
                Fix the statement in 'classpath:schema.sql'; the cluster that ran it was not kept.""");
        assertThat(exception.location()).isEqualTo("classpath:schema.sql");
        assertThat(exception.statement()).isSameAs(statement);
    }

    @Test
    void should_say_earlier_statements_stay_applied_on_a_running_cluster() {
        SQLException cause = new PSQLException(new ServerErrorMessage(CITUS_UNIQUE_ERROR));

        String message = new SchemaStatementException("s.sql", new SqlStatement(2, 3, "SELECT 1"), cause).getMessage();

        assertThat(message).endsWith("Fix the statement in 's.sql'; the statements before it stay applied.");
    }

    @Test
    void should_include_hint_and_position_when_the_server_sends_them() {
        SQLException cause = new PSQLException(new ServerErrorMessage(
                "SERROR\0C42703\0Mcolumn \"tenant\" does not exist\0HPerhaps you meant to reference the column \"t.tenant_id\".\0P8\0"));

        String message = new SchemaStatementException("s.sql", new SqlStatement(7, 20, "SELECT tenant FROM t"), cause).getMessage();

        assertThat(message).isEqualTo("""
                Schema statement 7 of 's.sql' (line 20) failed:
                  SELECT tenant FROM t
                  ERROR: column "tenant" does not exist (SQLSTATE 42703)
                  at character 8:
                    SELECT tenant FROM t
                           ^
                  HINT: Perhaps you meant to reference the column "t.tenant_id".
                Fix the statement in 's.sql'; the statements before it stay applied.""");
    }

    @Test
    void should_point_the_caret_at_the_line_of_a_multi_line_statement() {
        String sql = "CREATE TABLE t (\n  id bigint,\n  tenant txet\n)";
        SQLException cause = new PSQLException(new ServerErrorMessage(
                "SERROR\0C42704\0Mtype \"txet\" does not exist\0P" + (sql.indexOf("txet") + 1) + "\0"));

        String message = new SchemaStatementException("s.sql", new SqlStatement(1, 1, sql), cause).getMessage();

        assertThat(message).contains("""
                  at character 40:
                      tenant txet
                             ^
                """);
    }
}

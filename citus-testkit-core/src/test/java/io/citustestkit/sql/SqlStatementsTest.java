package io.citustestkit.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text of several statements, split where the server would split it. */
class SqlStatementsTest {

    @Test
    void should_split_at_semicolons_outside_strings_identifiers_bodies_and_comments() {
        assertThat(SqlStatements.split("SET LOCAL app.tenant = '42'; DELETE FROM events WHERE note = ';'"))
                .containsExactly("SET LOCAL app.tenant = '42'", "DELETE FROM events WHERE note = ';'");
        assertThat(SqlStatements.split("BEGIN;\n DO $$ BEGIN PERFORM 1; END $$; /* ; */ SELECT \"a;b\" FROM t -- ;\n; COMMIT;"))
                .containsExactly("BEGIN", "DO $$ BEGIN PERFORM 1; END $$", "/* ; */ SELECT \"a;b\" FROM t -- ;", "COMMIT");
    }

    @Test
    void should_leave_out_parts_that_hold_only_whitespace_and_comments() {
        assertThat(SqlStatements.split("SELECT 1;")).containsExactly("SELECT 1");
        assertThat(SqlStatements.split(" ; -- nothing\n;")).isEmpty();
        assertThat(SqlStatements.split("")).isEmpty();
    }
}

package io.citustestkit.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlShapeTest {

    @Test
    void should_replace_parameters_and_literals_with_placeholders() {
        assertThat(SqlShape.of("SELECT count(*) FROM events WHERE owner_id = $1")).isEqualTo("SELECT count(*) FROM events WHERE owner_id = ?");
        assertThat(SqlShape.of("INSERT INTO events (owner_id, event_type) VALUES (42, 'login'), (-2, E'it\\'s')"))
                .isEqualTo("INSERT INTO events (owner_id, event_type) VALUES (?, ?), (-?, ?)");
        assertThat(SqlShape.of("SELECT $fn$ body $fn$, 1.5e3, ?::int")).isEqualTo("SELECT ?, ?, ?::int");
    }

    @Test
    void should_give_statements_that_differ_only_in_values_comments_and_spacing_one_shape() {
        assertThat(SqlShape.of("UPDATE events SET event_type = 'x'   WHERE owner_id = 2;"))
                .isEqualTo(SqlShape.of("UPDATE events\n  SET event_type = $1 /* a comment */ WHERE owner_id = $2 -- why\n"))
                .isEqualTo("UPDATE events SET event_type = ? WHERE owner_id = ?");
    }

    @Test
    void should_keep_identifiers_keywords_and_quoted_names_as_written() {
        assertThat(SqlShape.of("SELECT \"Owner Id\", e.x1 FROM \"Events\" e WHERE e.flag IS NULL AND e.ok = true"))
                .isEqualTo("SELECT \"Owner Id\", e.x1 FROM \"Events\" e WHERE e.flag IS NULL AND e.ok = true");
    }

    @Test
    void should_not_take_a_question_mark_inside_a_string_or_comment_for_code() {
        assertThat(SqlShape.of("SELECT '?;' /* ; ? */ FROM t")).isEqualTo("SELECT ? FROM t");
    }
}

package io.citustestkit.sql;

import io.citustestkit.sql.SqlToken.Kind;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The JDBC {@code ?} placeholders of a statement, found by {@link SqlLexer} the way the PostgreSQL
 * driver finds them: not inside strings, quoted identifiers, dollar quotes or comments; {@code ??} is a
 * literal {@code ?} (the driver sends {@code ?}). A prepared statement's placeholders are sent as
 * {@code $1, $2, ...}, which moves the positions the server reports.
 *
 * <pre>{@code
 * JdbcPlaceholders.count("SELECT ?, '?', props ?? 'k'");            // 1
 * JdbcPlaceholders.inline("SELECT ?", i -> Optional.of("(42)"));    // Optional[SELECT (42)]
 * JdbcPlaceholders.positionAsWritten("SELECT ? + ?, nope", true, 16); // 14: "SELECT $1 + $2, nope" as sent
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class JdbcPlaceholders {

    private JdbcPlaceholders() {
    }

    /**
     * The number of {@code ?} placeholders.
     *
     * @param sql a statement
     * @return how many parameters it takes
     */
    public static int count(String sql) {
        return (int) SqlLexer.tokenize(sql).stream().filter(t -> t.kind() == Kind.PLACEHOLDER).count();
    }

    /**
     * The statement with each placeholder replaced by a literal and each {@code ??} by {@code ?}.
     *
     * @param sql a statement
     * @param literalOf the text of the placeholder at an index (from 0), or empty if it has none
     * @return the statement, or empty if a placeholder has no literal
     */
    public static Optional<String> inline(String sql, IntFunction<Optional<String>> literalOf) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int index = 0;
        for (SqlToken token : SqlLexer.tokenize(sql)) {
            if (token.kind() == Kind.PLACEHOLDER) {
                Optional<String> literal = literalOf.apply(index++);
                if (literal.isEmpty()) {
                    return Optional.empty();
                }
                out.append(literal.get());
            } else if (token.kind() == Kind.ESCAPED_QUESTION_MARK) {
                out.append('?');
            } else {
                out.append(token.text());
            }
        }
        return Optional.of(out.toString());
    }

    /**
     * Maps a position the server reported in the statement as the driver sent it back to the
     * statement as written.
     *
     * @param sql the statement as written
     * @param parameterized whether it was sent as a prepared statement with parameters (placeholders
     *                      sent as {@code $n}); a plain statement keeps its {@code ?}
     * @param sentPosition the 1-based character position in the statement as sent
     * @return the 1-based position in {@code sql}, at most its length; 0 if {@code sentPosition} is not positive
     */
    public static int positionAsWritten(String sql, boolean parameterized, int sentPosition) {
        if (sentPosition <= 0) {
            return 0;
        }
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        int sent = 0;
        int placeholder = 0;
        for (SqlToken token : tokens) {
            int width = switch (token.kind()) {
                case PLACEHOLDER -> parameterized ? ("$" + ++placeholder).length() : 1;
                case ESCAPED_QUESTION_MARK -> 1;
                default -> token.text().length();
            };
            if (sent + width >= sentPosition) {
                int offset = sentPosition - sent - 1;
                boolean rewritten = width != token.text().length();
                return token.start() + (rewritten ? 0 : offset) + 1;
            }
            sent += width;
        }
        return sql.length();
    }
}

package io.citustestkit.sql;

import io.citustestkit.sql.SqlToken.Kind;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Checks that SQL text is one statement, with the kit's {@link SqlLexer}: a {@code ;} inside a string,
 * a quoted identifier, a dollar-quoted body or a comment does not count, and a trailing {@code ;}
 * (with only whitespace and comments after it) is allowed. The kit EXPLAINs what it is given: a
 * second statement would run for real ({@code SELECT 1; COMMIT; DELETE ...}), so it is refused
 * before anything is sent.
 *
 * <pre>{@code
 * SingleStatement.require("SELECT 1;");                    // fine
 * SingleStatement.require("SELECT ';'; DELETE FROM t");   // IllegalArgumentException quoting "DELETE FROM t"
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SingleStatement {

    private static final int QUOTED_WIDTH = 200;

    private SingleStatement() {
    }

    /**
     * Fails unless {@code sql} holds exactly one statement.
     *
     * @param sql the text to check
     * @throws IllegalArgumentException naming the second statement, if there is one
     */
    public static void require(String sql) {
        Objects.requireNonNull(sql, "sql");
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        boolean statementSeen = false;
        boolean ended = false;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isTrivia()) {
                continue;
            }
            if (token.kind() == Kind.SEMICOLON) {
                ended = statementSeen;
                continue;
            }
            if (ended) {
                throw new IllegalArgumentException("Expecting one SQL statement, but the text holds more: the kit EXPLAINs "
                        + "exactly one statement and would otherwise run the others.\n  Second statement: "
                        + quote(sql, tokens, i) + "\n  Whole text: " + shorten(sql.strip())
                        + "\n  Pass each statement on its own (a trailing ';' is fine).");
            }
            statementSeen = true;
        }
    }

    /** The second statement: from its first token to the next {@code ;} (or the end). */
    private static String quote(String sql, List<SqlToken> tokens, int first) {
        int end = sql.length();
        for (int i = first; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.SEMICOLON) {
                end = tokens.get(i).start();
                break;
            }
        }
        return shorten(sql.substring(tokens.get(first).start(), end).strip());
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= QUOTED_WIDTH ? line : line.substring(0, QUOTED_WIDTH) + "...";
    }
}

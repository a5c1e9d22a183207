package io.citustestkit.plan;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the server answered instead of a plan: its message, SQLSTATE, detail, hint and the position
 * of the error in the statement as the caller wrote it.
 *
 * <pre>{@code
 * ServerError error = rejected.serverError();
 * error.render("SELECT u.owner_id FROM users u");
 * // ERROR: column u.owner_id does not exist (SQLSTATE 42703)
 * // at character 8:
 * //   SELECT u.owner_id FROM users u
 * //          ^
 * // HINT: Perhaps you meant to reference the column "e.owner_id".
 * }</pre>
 *
 * @param severity e.g. {@code ERROR}
 * @param sqlState the SQLSTATE, or {@code null}
 * @param message the primary message
 * @param detail the DETAIL, or {@code null}
 * @param hint the HINT, or {@code null}
 * @param position the 1-based character position in the caller's statement, 0 if the server gave none
 */
public record ServerError(String severity, String sqlState, String message, String detail, String hint,
                          int position) {

    private static final int EXCERPT_HALF_WIDTH = 36;

    public ServerError {
        Objects.requireNonNull(message, "message");
        severity = severity == null ? "ERROR" : severity;
    }

    /**
     * The error of a statement sent as {@code prefix + sql}, with its position moved back into {@code sql}.
     *
     * @param e the exception the driver raised
     * @param query the caller's statement; its {@code ?} placeholders were sent as {@code $1, $2, ...}
     * @param prefixLength the length of what was sent before the statement (e.g. {@code "EXPLAIN (FORMAT JSON) "})
     * @return the error
     */
    public static ServerError from(SQLException e, SqlQuery query, int prefixLength) {
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null) {
            return new ServerError("ERROR", e.getSQLState(), String.valueOf(e.getMessage()), null, null, 0);
        }
        int position = server.getPosition() > 0
                ? positionInQuery(query, server.getPosition() - prefixLength)
                : 0;
        return new ServerError(server.getSeverity(), server.getSQLState(), String.valueOf(server.getMessage()),
                server.getDetail(), server.getHint(), position);
    }

    /** Maps a 1-based position in the statement as sent ({@code ?} as {@code $n}) to one in the caller's statement. */
    static int positionInQuery(SqlQuery query, int sentPosition) {
        String sql = query.sql();
        if (sentPosition <= 0) {
            return 0;
        }
        if (!query.hasParams()) {
            return Math.min(sentPosition, sql.length());
        }
        int sent = 0;
        int placeholder = 0;
        for (int i = 0; i < sql.length(); i++) {
            int width = sql.charAt(i) == '?' && placeholder < query.params().size()
                    ? ("$" + ++placeholder).length()
                    : 1;
            sent += width;
            if (sent >= sentPosition) {
                return i + 1;
            }
        }
        return sql.length();
    }

    /**
     * The error as lines for a message: the message with its SQLSTATE, where in {@code sql} it is
     * (with a caret), then DETAIL and HINT.
     *
     * @param sql the statement the position refers to
     * @return the rendered error, lines separated by {@code \n}
     */
    public String render(String sql) {
        List<String> lines = new ArrayList<>();
        lines.add(severity + ": " + message + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")"));
        if (position > 0 && position <= sql.length()) {
            lines.add("at character " + position + ":");
            lines.addAll(excerpt(sql, position - 1));
        }
        if (detail != null) {
            lines.add("DETAIL: " + detail);
        }
        if (hint != null) {
            lines.add("HINT: " + hint);
        }
        return String.join("\n", lines);
    }

    private static List<String> excerpt(String sql, int index) {
        int lineStart = sql.lastIndexOf('\n', index - 1) + 1;
        int lineEnd = sql.indexOf('\n', index);
        String line = sql.substring(lineStart, lineEnd < 0 ? sql.length() : lineEnd);
        int column = index - lineStart;
        int from = Math.max(0, column - EXCERPT_HALF_WIDTH);
        int to = Math.min(line.length(), column + EXCERPT_HALF_WIDTH);
        String prefix = from > 0 ? "..." : "";
        String text = prefix + line.substring(from, to) + (to < line.length() ? "..." : "");
        String caret = " ".repeat(prefix.length() + column - from) + "^";
        return List.of("  " + text, "  " + caret);
    }
}

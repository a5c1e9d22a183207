package io.citustestkit.sql;

import org.apiguardian.api.API;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * What the server answered instead of a result: its message, SQLSTATE, DETAIL, HINT and the position
 * of the error in the statement. The one rendering of a server error in the kit's messages.
 *
 * <pre>{@code
 * catch (SQLException e) {
 *     ServerError.of(e).render("SELECT u.owner_id FROM users u");
 *     // ERROR: column u.owner_id does not exist (SQLSTATE 42703)
 *     // at character 8:
 *     //   SELECT u.owner_id FROM users u
 *     //          ^
 *     // HINT: Perhaps you meant to reference the column "e.owner_id".
 * }
 * }</pre>
 *
 * @param severity e.g. {@code ERROR}
 * @param sqlState the SQLSTATE, or {@code null}
 * @param message the primary message
 * @param detail the DETAIL, or {@code null}
 * @param hint the HINT, or {@code null}
 * @param position the 1-based character position in the statement, 0 if the server gave none
 */
@API(status = STABLE, since = "0.1")
public record ServerError(String severity, String sqlState, String message, String detail, String hint,
                          int position) {

    private static final int EXCERPT_HALF_WIDTH = 36;

    /**
     * Creates the error; a missing severity is {@code ERROR}, a negative position 0.
     *
     * @param severity e.g. {@code ERROR}
     * @param sqlState the SQLSTATE, or {@code null}
     * @param message the primary message
     * @param detail the DETAIL, or {@code null}
     * @param hint the HINT, or {@code null}
     * @param position the 1-based character position in the statement, 0 if the server gave none
     */
    public ServerError {
        Objects.requireNonNull(message, "message");
        severity = severity == null ? "ERROR" : severity;
        position = Math.max(position, 0);
    }

    /**
     * The error the driver reported, with the position as the server gave it (in the statement as
     * sent). An exception that carries no server message (e.g. the driver's own check) keeps its
     * message and SQLSTATE.
     *
     * @param e the driver's exception
     * @return the error
     */
    public static ServerError of(SQLException e) {
        Objects.requireNonNull(e, "e");
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null) {
            return new ServerError("ERROR", e.getSQLState(), String.valueOf(e.getMessage()), null, null, 0);
        }
        return new ServerError(server.getSeverity(), server.getSQLState(), String.valueOf(server.getMessage()),
                server.getDetail(), server.getHint(), server.getPosition());
    }

    /**
     * The same error at another position, e.g. moved from the statement as sent to the statement as
     * the caller wrote it (see {@link JdbcPlaceholders#positionAsWritten}).
     *
     * @param newPosition the 1-based position, 0 for none
     * @return the error at that position
     */
    public ServerError withPosition(int newPosition) {
        return new ServerError(severity, sqlState, message, detail, hint, newPosition);
    }

    /**
     * The error as lines for a message: the message with its SQLSTATE, where in {@code sql} it is
     * (with a caret), then DETAIL and HINT.
     *
     * @param sql the statement the position refers to, or {@code null} to leave the position out
     * @return the rendered error, lines separated by {@code \n}, without a trailing line break
     */
    public String render(String sql) {
        List<String> lines = new ArrayList<>();
        lines.add(severity + ": " + message + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")"));
        if (sql != null && position > 0 && position <= sql.length()) {
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

package io.citustestkit.schema;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * Renders a PostgreSQL error the way {@code psql} shows it: ERROR with its SQLSTATE, then DETAIL,
 * HINT and position when the server sent them (Citus puts its explanations in DETAIL and HINT).
 *
 * <pre>{@code
 * catch (SQLException e) {
 *     throw new IllegalStateException("Setup failed:\n" + ServerErrorText.of(e), e);
 * }
 * }</pre>
 */
public final class ServerErrorText {

    private ServerErrorText() {
    }

    /** The error's lines, each indented by two spaces and ending with a newline. */
    public static String of(SQLException error) {
        StringBuilder message = new StringBuilder();
        ServerErrorMessage server = error instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null) {
            message.append("  ERROR:  ").append(error.getMessage()).append('\n');
            return message.toString();
        }
        message.append("  ERROR:  ").append(server.getMessage());
        if (server.getSQLState() != null) {
            message.append(" (SQLSTATE ").append(server.getSQLState()).append(')');
        }
        message.append('\n');
        if (server.getDetail() != null) {
            message.append("  DETAIL:  ").append(server.getDetail()).append('\n');
        }
        if (server.getHint() != null) {
            message.append("  HINT:  ").append(server.getHint()).append('\n');
        }
        if (server.getPosition() > 0) {
            message.append("  POSITION:  character ").append(server.getPosition()).append(" of the statement\n");
        }
        return message.toString();
    }
}

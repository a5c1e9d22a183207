package io.citustestkit.schema;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** Builds the messages of schema failures from the server's structured error. */
final class SchemaMessages {

    private SchemaMessages() {
    }

    static String statementFailed(String location, SqlStatement statement, SQLException cause) {
        StringBuilder message = new StringBuilder()
                .append("Schema statement ").append(statement.number())
                .append(" of '").append(location).append("' (line ").append(statement.line()).append(") failed:\n")
                .append("  ").append(statement.firstLine()).append('\n');
        appendServerError(message, cause);
        message.append("Fix the statement in '").append(location).append("'; the cluster that ran it was not kept.");
        return message.toString();
    }

    /** Appends ERROR, DETAIL, HINT and position of a PostgreSQL error, or the plain message otherwise. */
    static void appendServerError(StringBuilder message, SQLException cause) {
        ServerErrorMessage server = cause instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null) {
            message.append("  ERROR:  ").append(cause.getMessage()).append('\n');
            return;
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
    }
}

package io.citustestkit.schema;

import io.citustestkit.sql.JdbcPlaceholders;
import io.citustestkit.sql.ServerError;

import java.sql.SQLException;

/** Builds the messages of schema failures from the server's structured error, rendered by {@link ServerError}. */
final class SchemaMessages {

    private SchemaMessages() {
    }

    static String statementFailed(String location, SqlStatement statement, SQLException cause, boolean clusterDiscarded) {
        StringBuilder message = new StringBuilder()
                .append("Schema statement ").append(statement.number())
                .append(" of '").append(location).append("' (line ").append(statement.line()).append(") failed:\n")
                .append("  ").append(statement.firstLine()).append('\n');
        message.append("  ").append(serverError(statement, cause).render(statement.sql()).replace("\n", "\n  "))
                .append('\n');
        message.append("Fix the statement in '").append(location).append("'")
                .append(clusterDiscarded ? "; the cluster that ran it was not kept." : "; the statements before it stay applied.");
        return message.toString();
    }

    /** The server's error, its position moved back over the {@code ??} the driver sent as {@code ?}. */
    private static ServerError serverError(SqlStatement statement, SQLException cause) {
        ServerError error = ServerError.of(cause);
        return error.withPosition(JdbcPlaceholders.positionAsWritten(statement.sql(), false, error.position()));
    }
}

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

    static String migrationFailed(String location, FailedMigration migration, Throwable cause, boolean clusterDiscarded) {
        StringBuilder message = new StringBuilder(migration.describe()).append(" of '").append(location).append("' failed");
        if (migration.script() != null) {
            message.append(", in ").append(migration.script());
            if (migration.line() > 0) {
                message.append(" at line ").append(migration.line());
            }
        }
        message.append(":\n");
        if (migration.statement() != null) {
            message.append("  ").append(new SqlStatement(0, migration.line(), migration.statement()).firstLine()).append('\n');
        }
        SQLException server = serverException(cause);
        String error = server != null ? ServerError.of(server).render(migration.statement())
                : migration.tool() + ": " + String.valueOf(cause.getMessage()).strip();
        message.append("  ").append(error.replace("\n", "\n  ")).append('\n');
        message.append("Fix the ").append("Flyway".equals(migration.tool()) ? "migration" : "change set")
                .append(migration.script() == null ? "" : " in '" + migration.script() + "'")
                .append(clusterDiscarded ? "; the cluster that ran it was not kept."
                        : "; the migrations before it stay applied" + ("Flyway".equals(migration.tool())
                        ? " (a migration in a transaction is rolled back)." : " (a change set in a transaction is rolled back)."));
        return message.toString();
    }

    /** The driver's exception with the server's error, the innermost one in the chain, or {@code null}. */
    static SQLException serverException(Throwable error) {
        SQLException found = null;
        for (Throwable current = error; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (current instanceof SQLException sql) {
                found = sql;
            }
        }
        return found;
    }

    /** The server's error, its position moved back over the {@code ??} the driver sent as {@code ?}. */
    private static ServerError serverError(SqlStatement statement, SQLException cause) {
        ServerError error = ServerError.of(cause);
        return error.withPosition(JdbcPlaceholders.positionAsWritten(statement.sql(), false, error.position()));
    }
}

package io.citustestkit.schema;


import java.sql.SQLException;

/** Builds the messages of schema failures from the server's structured error. */
final class SchemaMessages {

    private SchemaMessages() {
    }

    static String statementFailed(String location, SqlStatement statement, SQLException cause, boolean clusterDiscarded) {
        StringBuilder message = new StringBuilder()
                .append("Schema statement ").append(statement.number())
                .append(" of '").append(location).append("' (line ").append(statement.line()).append(") failed:\n")
                .append("  ").append(statement.firstLine()).append('\n');
        message.append(ServerErrorText.of(cause));
        message.append("Fix the statement in '").append(location).append("'")
                .append(clusterDiscarded ? "; the cluster that ran it was not kept." : "; the statements before it stay applied.");
        return message.toString();
    }
}

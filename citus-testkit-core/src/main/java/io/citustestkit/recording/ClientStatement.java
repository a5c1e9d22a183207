package io.citustestkit.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement a client sent to the coordinator, as its log tells it: the SQL, the parameter values,
 * the commands Citus ran for it, and the error it ended with, if any.
 */
final class ClientStatement {

    final String sql;
    final List<String> parameters;
    final List<ExecutedCommand> commands = new ArrayList<>();
    String error;
    /** Why what Citus ran for it is not all logged (its session turned off a setting recording reads), or {@code null}. */
    String unseen;
    /** The backend that received it: its process id and its {@code application_name} (as logged). */
    long pid;
    String applicationName;
    /** What the bodies of the calls Citus delegated ran on their workers, by the delegated command's index in {@link #commands}. */
    final java.util.Map<Integer, DelegatedBody> bodies = new java.util.HashMap<>();

    ClientStatement(String sql, List<String> parameters) {
        this.sql = sql;
        this.parameters = java.util.Collections.unmodifiableList(new ArrayList<>(parameters)); // NULL stays null
    }

    /** The statement an entry starts ({@code statement: ...}, {@code execute S_1: ...}), if it starts one. */
    static ClientStatement of(LogEntry entry) {
        String message = entry.message();
        if (message == null || !"LOG".equals(entry.severity())) {
            return null;
        }
        if (message.startsWith("statement: ")) {
            return new ClientStatement(sql(entry, message.substring("statement: ".length())), List.of()).from(entry);
        }
        if (message.startsWith("execute ")) {
            int colon = message.indexOf(": ");
            if (colon > 0) {
                return new ClientStatement(sql(entry, message.substring(colon + 2)), LoggedParameters.parse(entry.detail())).from(entry);
            }
        }
        return null;
    }

    /** A command Citus sent over its own connection, as the coordinator logged it: without its {@link TenantAnnotation}. */
    private static String sql(LogEntry entry, String sql) {
        boolean fromCitus = entry.applicationName() != null && entry.applicationName().startsWith(StatementLog.GPID_PREFIX);
        return fromCitus ? TenantAnnotation.of(sql).sql() : sql;
    }

    private ClientStatement from(LogEntry entry) {
        pid = entry.pid();
        applicationName = entry.applicationName();
        return this;
    }

    /**
     * The statement the server refused before running it (at parse or bind: a syntax error, a query
     * Citus will not plan): its text as the ERROR names it, its parameters from the error's CONTEXT
     * ({@code log_parameter_max_length_on_error}), and the error.
     */
    static ClientStatement refused(LogEntry error, String boundSql) {
        String sql = error.statement() != null ? error.statement() : boundSql;
        ClientStatement statement = new ClientStatement(sql == null ? "(statement not logged)" : sql,
                LoggedParameters.parse(LoggedParameters.portalParameters(error.context())));
        statement.error = error.message();
        return statement.from(error);
    }
}

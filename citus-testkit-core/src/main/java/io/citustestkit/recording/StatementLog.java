package io.citustestkit.recording;

import io.citustestkit.commons.KitSql;
import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the coordinator's log entries into the clients' statements, each with the commands Citus ran
 * for it: a statement's commands are the entries of the same session that follow it. Leaves out the
 * kit's own statements ({@link KitSql}), empty ones, and transaction control and session settings
 * ({@code BEGIN}, {@code COMMIT}, {@code SET}, ...), which touch no table.
 */
final class StatementLog {

    private static final Set<String> NOT_RECORDED = Set.of("BEGIN", "COMMIT", "ROLLBACK", "END", "ABORT", "START",
            "SAVEPOINT", "RELEASE", "SET", "RESET", "SHOW", "DISCARD", "DEALLOCATE");

    private final Map<String, ClientStatement> current = new HashMap<>();
    /** Per session, the command Citus last ran locally: the executor then logs it as a statement of its own. */
    private final Map<String, String> lastLocalCommand = new HashMap<>();
    private final List<ClientStatement> recorded = new ArrayList<>();

    /** Adds the entries read since the last call, in log order. */
    void add(List<LogEntry> entries) {
        for (LogEntry entry : entries) {
            if (entry.sessionId() == null || !isClient(entry)) {
                continue;
            }
            ClientStatement statement = ClientStatement.of(entry);
            if (statement != null && statement.sql.equals(lastLocalCommand.remove(entry.sessionId()))) {
                continue; // the local execution of the current statement's task, not a client's statement
            }
            if (statement != null) {
                current.put(entry.sessionId(), statement);
                if (isApplications(statement.sql)) {
                    recorded.add(statement);
                }
                continue;
            }
            ClientStatement owner = current.get(entry.sessionId());
            if (owner == null) {
                continue;
            }
            ExecutedCommand command = ExecutedCommand.of(entry);
            if (command != null) {
                owner.commands.add(command);
                if (command.isLocal()) {
                    lastLocalCommand.put(entry.sessionId(), command.sql());
                }
            } else if ("ERROR".equals(entry.severity()) && owner.error == null) {
                owner.error = entry.message();
            }
        }
    }

    /** The application's statements so far, in the order they reached the coordinator. */
    List<ClientStatement> statements() {
        return List.copyOf(recorded);
    }

    /** A client's session, not a background worker's nor one of Citus's own connections ({@code citus_internal gpid=...}). */
    private static boolean isClient(LogEntry entry) {
        return "client backend".equals(entry.backendType())
                && (entry.applicationName() == null || !entry.applicationName().startsWith("citus_internal"));
    }

    static boolean isApplications(String sql) {
        if (sql == null || sql.isBlank() || KitSql.isMarked(sql)) {
            return false;
        }
        for (SqlToken token : SqlLexer.tokenize(sql)) {
            if (!token.isTrivia()) {
                return !NOT_RECORDED.contains(token.text().toUpperCase(Locale.ROOT));
            }
        }
        return false;
    }
}

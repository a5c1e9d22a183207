package io.citustestkit.recording;

import io.citustestkit.commons.KitSql;
import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlStatements;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the coordinator's log entries into the clients' statements, each with the commands Citus ran
 * for it: a statement's commands are the entries of the same session that follow it. Leaves out the
 * kit's own statements ({@link KitSql}), empty ones, and transaction control and session settings
 * ({@code BEGIN}, {@code COMMIT}, {@code SET}, ...), which touch no table.
 *
 * <p>With the extended protocol the server plans a statement when it is bound, before it logs
 * {@code execute ...}: what the planning logs ({@code bind ... to ...} at DEBUG2, Citus's distribution
 * value and delegation messages, an ERROR that refuses the statement) belongs to the statement being
 * bound, not to the one before. A statement refused there is recorded as itself, from the ERROR's
 * {@code statement} and CONTEXT.
 */
final class StatementLog {

    private static final Set<String> NOT_RECORDED = Set.of("BEGIN", "COMMIT", "ROLLBACK", "END", "ABORT", "START",
            "SAVEPOINT", "RELEASE", "SET", "RESET", "SHOW", "DISCARD", "DEALLOCATE");
    static final String VALUE_MESSAGE = "query has a single distribution column value: ";
    private static final List<String> DELEGATION_MESSAGES = List.of("pushing down the function call",
            "pushing down function call in a multi-statement transaction", "pushing down the procedure");

    private final Map<String, Session> sessions = new HashMap<>();
    private final List<ClientStatement> recorded = new ArrayList<>();
    private final java.util.function.Predicate<LogEntry> sessionsRead;
    private SettingFunctions functions = SettingFunctions.NONE;

    /** The log of the clients' sessions on the coordinator (Citus's own connections left out). */
    StatementLog() {
        this(StatementLog::isClient);
    }

    private StatementLog(java.util.function.Predicate<LogEntry> sessionsRead) {
        this.sessionsRead = sessionsRead;
    }

    /** Takes {@code functions} as the ones whose calls, from the next statement on, change what the server logs. */
    void knowFunctions(SettingFunctions functions) {
        this.functions = functions;
    }

    /**
     * The log of the sessions Citus opened to a worker ({@code application_name} {@code citus_internal gpid=...}):
     * each statement is one Citus sent there, with the commands it ran on the worker's behalf, as
     * {@link ClientStatement#applicationName} tells which coordinator backend sent it.
     */
    static StatementLog ofCitusConnections() {
        return new StatementLog(entry -> "client backend".equals(entry.backendType()) && entry.applicationName() != null
                && entry.applicationName().startsWith(GPID_PREFIX));
    }

    /** The {@code application_name} prefix of Citus's internal connections, followed by the global PID of the backend that opened them. */
    static final String GPID_PREFIX = "citus_internal gpid=";

    /** What the log has told so far about one client session. */
    private static final class Session {
        /** The statement whose commands are being logged. */
        ClientStatement current;
        /** The command Citus last ran locally: the executor then logs it as a statement of its own. */
        String lastLocalCommand;
        /** Between {@code parse}/{@code bind} and {@code execute}: the SQL being bound ({@code ""} if unknown). */
        String binding;
        /** Commands logged while binding (planning-time work), for the statement being bound. */
        final List<ExecutedCommand> bindingCommands = new ArrayList<>();
        /** Server-side prepared statements by name, from {@code parse S_1: ...}. */
        final Map<String, String> prepared = new HashMap<>();
        /** The distribution value Citus just planned a query for, waiting for that query's one task. */
        String plannedValue;
        /** Citus just delegated a call: the next command it sends is that call. */
        boolean delegating;
        /** The settings recording reads that this session changed, with the statement that did: its work is then not all logged. */
        final Map<String, String> blinded = new java.util.TreeMap<>();
    }

    /** Adds the entries read since the last call, in log order. */
    void add(List<LogEntry> entries) {
        for (LogEntry entry : entries) {
            if (entry.sessionId() == null || !sessionsRead.test(entry)) {
                continue;
            }
            Session session = sessions.computeIfAbsent(entry.sessionId(), id -> new Session());
            String message = entry.message() == null ? "" : entry.message();
            if (entry.isDebug()) {
                debug(session, message);
                continue;
            }
            ClientStatement statement = ClientStatement.of(entry);
            if (statement != null && TenantAnnotation.of(statement.sql).sql().equals(session.lastLocalCommand)) {
                session.lastLocalCommand = null;
                continue; // the local execution of the current statement's task, not a client's statement
            }
            if (statement != null) {
                start(session, statement);
                continue;
            }
            ExecutedCommand command = ExecutedCommand.of(entry);
            if (command != null) {
                command(session, command);
            } else if (entry.isError()) {
                error(session, entry);
            }
        }
    }

    private void debug(Session session, String message) {
        if (message.startsWith("parse ")) {
            int colon = message.indexOf(": ");
            String name = colon > 0 ? message.substring("parse ".length(), colon) : "";
            String sql = colon > 0 ? message.substring(colon + 2) : "";
            if (!name.equals("<unnamed>")) {
                session.prepared.put(name, sql);
            }
            bind(session, sql);
        } else if (message.startsWith("bind ")) {
            int to = message.lastIndexOf(" to ");
            String name = to > 0 ? message.substring(to + 4) : "";
            String sql = session.prepared.get(name);
            bind(session, sql != null ? sql : session.binding != null ? session.binding : "");
        } else if (message.startsWith(VALUE_MESSAGE)) {
            session.plannedValue = message.substring(VALUE_MESSAGE.length());
        } else if (DELEGATION_MESSAGES.contains(message)) {
            session.delegating = true;
            session.plannedValue = null;
        } else {
            // another query is being planned: a value named before belongs to a query that ran no task
            session.plannedValue = null;
        }
    }

    private static void bind(Session session, String sql) {
        session.binding = sql;
        session.bindingCommands.clear();
        session.plannedValue = null;
        session.delegating = false;
    }

    private void start(Session session, ClientStatement statement) {
        // a simple query may hold several statements (SET ...; DELETE ...), a DO block several settings: a setting turned off
        // and back within the statement still hid what ran in between
        Set<String> hiding = new LinkedHashSet<>();
        for (String part : SqlStatements.split(statement.sql)) {
            boolean works = !isSetOrReset(part); // a SET or RESET runs nothing of its own; anything else may, before and after
            if (works) {
                hiding.addAll(session.blinded.values());
            }
            List<SessionSetting> changes = new ArrayList<>(SessionSetting.in(part));
            SettingFunctions.Effects called = functions.effectsOf(part); // a body's statements are not logged
            hiding.addAll(called.hiding());
            changes.addAll(called.changes());
            for (SessionSetting setting : changes) {
                setting.applyTo(session.blinded);
                if (works) {
                    hiding.addAll(session.blinded.values());
                }
            }
        }
        if (!hiding.isEmpty()) {
            statement.unseen = "what Citus ran for it is not known: its session changed what the server logs ("
                    + String.join("; ", hiding) + "), and recording reads that log";
        }
        statement.commands.addAll(session.bindingCommands);
        session.bindingCommands.clear();
        if (session.binding == null) {
            session.plannedValue = null; // simple protocol: planning follows the statement
            session.delegating = false;
        }
        session.binding = null;
        session.current = statement;
        if (isApplications(statement.sql)) {
            recorded.add(statement);
        }
    }

    private static boolean isSetOrReset(String sql) {
        String first = firstWord(sql);
        return first.equals("SET") || first.equals("RESET");
    }

    /** {@return the first token of {@code sql} that is not whitespace or a comment, upper case, or "" if none} */
    private static String firstWord(String sql) {
        return SqlLexer.tokenize(sql).stream().filter(t -> !t.isTrivia()).findFirst()
                .map(token -> token.text().toUpperCase(Locale.ROOT)).orElse("");
    }

    private void command(Session session, ExecutedCommand command) {
        if (command.isTransactionControl()) {
            add(session, command);
            return;
        }
        if (session.delegating) {
            command = command.asDelegated();
            session.delegating = false;
        } else if (session.plannedValue != null) {
            // Citus names the value only for a query of at most one task: it is this command's
            command = command.withPlannedValue(session.plannedValue);
            session.plannedValue = null;
        }
        add(session, command);
        if (command.isLocal()) {
            session.lastLocalCommand = command.sql();
        }
    }

    private static void add(Session session, ExecutedCommand command) {
        if (session.binding != null) {
            session.bindingCommands.add(command);
        } else if (session.current != null) {
            session.current.commands.add(command);
        }
    }

    private void error(Session session, LogEntry entry) {
        if (session.binding != null) {
            // refused while parsed or bound: it never ran, and the statement before it is not the one that failed
            ClientStatement refused = ClientStatement.refused(entry, session.binding.isEmpty() ? null : session.binding);
            refused.commands.addAll(session.bindingCommands);
            session.bindingCommands.clear();
            session.binding = null;
            session.plannedValue = null;
            session.delegating = false;
            session.current = refused;
            if (isApplications(refused.sql)) {
                recorded.add(refused);
            }
        } else if (session.current != null && session.current.error == null) {
            session.current.error = entry.message();
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

    /**
     * Whether {@code sql} is the application's: not the kit's own, and not only transaction control and settings. Text
     * of several statements (one simple query: {@code BEGIN; DELETE ...; COMMIT}) is the application's when any of them is.
     */
    static boolean isApplications(String sql) {
        if (sql == null || sql.isBlank() || KitSql.isMarked(sql)) {
            return false;
        }
        for (String statement : SqlStatements.split(sql)) {
            String first = firstWord(statement);
            if (!first.isEmpty() && !NOT_RECORDED.contains(first)) {
                return true;
            }
        }
        return false;
    }
}

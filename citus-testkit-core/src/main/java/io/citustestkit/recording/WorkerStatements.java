package io.citustestkit.recording;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements Citus sent to each worker over its own connections, read from the workers' logs, and
 * what each ran there: how a call Citus delegated to a worker is tied to the client statement that caused
 * it. Citus names the coordinator backend that opened a connection in its {@code application_name}
 * ({@code citus_internal gpid=10000000204}: the coordinator's node id times 10^10 plus the backend's
 * process id, {@code citus_backend_gpid()}), so the worker's statement {@code SELECT public.f('42'::bigint)}
 * from that global PID is the delegated call, and the commands logged after it in that session are its body's.
 *
 * <pre>{@code
 * WorkerStatements workers = new WorkerStatements(1);      // the coordinator's node id
 * workers.add("worker-1", JsonLog.entries(worker1Log));
 * DelegatedBody body = workers.body(clientStatement, 0);   // the body of its delegated command 0
 * }</pre>
 */
final class WorkerStatements {

    /** Citus's global PID: node id times this, plus the process id. */
    static final long GPID_NODE_MULTIPLIER = 10_000_000_000L;

    private final long coordinatorNodeId;
    private final Map<String, StatementLog> logs = new LinkedHashMap<>();
    private final Map<String, String> unreadable = new HashMap<>();
    private final Map<ClientStatement, Boolean> taken = new IdentityHashMap<>();

    /** @param coordinatorNodeId the coordinator's node id, as its global PIDs carry it ({@code citus_backend_gpid() / 10^10}) */
    WorkerStatements(long coordinatorNodeId) {
        this.coordinatorNodeId = coordinatorNodeId;
    }

    /** Adds entries read from {@code worker}'s log, in order. */
    void add(String worker, List<LogEntry> entries) {
        logs.computeIfAbsent(worker, name -> StatementLog.ofCitusConnections()).add(entries);
    }

    /** Marks {@code worker}'s log as not readable, with why (kept: a later read does not clear it). */
    void unreadable(String worker, String why) {
        unreadable.putIfAbsent(worker, why);
        logs.computeIfAbsent(worker, name -> StatementLog.ofCitusConnections());
    }

    /** {@return the workers whose logs are read, or known to be unreadable} */
    List<String> workers() {
        return List.copyOf(logs.keySet());
    }

    /**
     * The body of the call {@code statement} delegated in its command {@code index}, taken from the worker's
     * log once found (a second call of the same SQL from the same backend takes the next one).
     *
     * @return the body, or {@code null} if the worker's log does not show the call (yet)
     */
    DelegatedBody take(ClientStatement statement, int index) {
        ExecutedCommand call = statement.commands.get(index);
        String worker = call.node();
        if (unreadable.containsKey(worker)) {
            return DelegatedBody.unseen(worker, unreadable.get(worker));
        }
        StatementLog log = logs.get(worker);
        if (log == null) {
            return null;
        }
        String application = StatementLog.GPID_PREFIX + gpid(statement);
        for (ClientStatement received : log.statements()) {
            if (!taken.containsKey(received) && application.equals(received.applicationName) && call.sql().equals(received.sql)) {
                taken.put(received, Boolean.TRUE);
                return body(worker, received);
            }
        }
        return null;
    }

    /** Why the body of a delegated call is not known when {@link #take} found no such call in the worker's log. */
    DelegatedBody missing(ClientStatement statement, int index) {
        ExecutedCommand call = statement.commands.get(index);
        String worker = call.node();
        if (!logs.containsKey(worker)) {
            return DelegatedBody.unseen(worker, worker + " is not a worker whose log the recorder reads (the workers are "
                    + workers() + ")");
        }
        return DelegatedBody.unseen(worker, worker + "'s log shows no statement " + call.sql() + " from the coordinator backend "
                + "that sent it (application_name '" + StatementLog.GPID_PREFIX + gpid(statement) + "')");
    }

    long gpid(ClientStatement statement) {
        return coordinatorNodeId * GPID_NODE_MULTIPLIER + statement.pid;
    }

    private static DelegatedBody body(String worker, ClientStatement received) {
        List<ExecutedCommand> commands = new ArrayList<>();
        for (ExecutedCommand command : received.commands) {
            if (command.delegated()) {
                return DelegatedBody.unseen(worker, "its body on " + worker + " delegated a call on to " + command.node()
                        + " (" + command.sql() + "), which the recorder does not follow");
            }
            commands.add(command.isLocal() ? command.onNode(worker) : command);
        }
        return new DelegatedBody(worker, commands, null); // a body that failed is judged by what it ran before its error
    }
}

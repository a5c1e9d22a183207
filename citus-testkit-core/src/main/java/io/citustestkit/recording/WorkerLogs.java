package io.citustestkit.recording;

import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.commons.KitSql;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the workers' JSON logs through the coordinator ({@code master_run_on_worker}, as the recorder's
 * role), from where they were when recording started, into {@link WorkerStatements}: what the bodies of
 * delegated calls ran there. A worker whose log cannot be read, or lacks a setting recording needs, is
 * named with why; the calls delegated to it are then judged as not seen, never as passing.
 *
 * <pre>{@code
 * WorkerLogs logs = WorkerLogs.start(coordinator);
 * // ... the application delegates a call ...
 * logs.sync();                        // everything the workers logged until now
 * logs.statements().take(statement, 0);
 * }</pre>
 */
final class WorkerLogs {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(20);
    private static final String RUN_SQL = KitSql.marked(
            "SELECT node_name, node_port, success, result FROM master_run_on_worker(?::text[], ?::int[], ?::text[], true)");

    private final DataSource coordinator;
    private final WorkerStatements statements;
    private final Map<String, Tail> tails = new LinkedHashMap<>();

    /** Where one worker's log is read from. */
    private static final class Tail {
        final String name;
        final int port;
        String file;
        long offset;
        boolean atLineStart;

        Tail(String name, int port) {
            this.name = name;
            this.port = port;
        }
    }

    private WorkerLogs(DataSource coordinator, long coordinatorNodeId) {
        this.coordinator = coordinator;
        this.statements = new WorkerStatements(coordinatorNodeId);
    }

    /**
     * Finds the workers, checks that each logs what recording reads, and notes where each log ends now.
     *
     * @param coordinator a pool to the coordinator
     * @return the workers' logs, read from now on
     */
    static WorkerLogs start(DataSource coordinator) {
        try (Connection connection = coordinator.getConnection()) {
            long nodeId;
            List<Tail> workers = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(KitSql.marked("SELECT citus_backend_gpid() / "
                         + WorkerStatements.GPID_NODE_MULTIPLIER))) {
                rows.next();
                nodeId = rows.getLong(1);
            }
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(KitSql.marked(
                    "SELECT nodename, nodeport FROM pg_dist_node WHERE groupid <> 0 AND noderole = 'primary' AND isactive "
                            + "ORDER BY nodename, nodeport"))) {
                while (rows.next()) {
                    workers.add(new Tail(rows.getString(1), rows.getInt(2)));
                }
            }
            WorkerLogs logs = new WorkerLogs(coordinator, nodeId);
            workers.forEach(tail -> logs.tails.put(tail.name, tail));
            logs.locate(connection);
            return logs;
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not find the workers' logs through the coordinator: " + e.getMessage(), e);
        }
    }

    /** {@return what the workers' logs told so far} */
    WorkerStatements statements() {
        return statements;
    }

    /** Notes each worker's log file and its size, and why a worker's log cannot serve recording. */
    private void locate(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (String setting : StatementRecorder.SETTINGS_READ) {
            columns.add("coalesce((" + setting + ")::text, '')");
        }
        String command = KitSql.marked("SELECT concat_ws(E'\\t', coalesce(f, ''), coalesce((pg_stat_file(f)).size, 0)::text, "
                + String.join(", ", columns) + ") FROM pg_current_logfile('jsonlog') AS f");
        Map<String, String> commands = new LinkedHashMap<>();
        tails.keySet().forEach(name -> commands.put(name, command));
        run(connection, commands).forEach((name, result) -> {
            Tail tail = tails.get(name);
            if (result.startsWith("ERROR ")) {
                statements.unreadable(name, name + "'s log could not be read through the coordinator: " + result.substring(6));
                return;
            }
            List<String> fields = Arrays.asList(result.split("\t", -1));
            List<String> missing = fields.size() == 2 + StatementRecorder.SETTINGS_READ.size()
                    ? StatementRecorder.missingSettings(fields.subList(2, fields.size()).stream().map(v -> v.isEmpty() ? null : v).toList(), false)
                    : List.of("its settings could not be read (" + result + ")");
            if (fields.get(0).isEmpty() && missing.isEmpty()) {
                missing = List.of("it writes no JSON log (pg_current_logfile('jsonlog') is NULL)");
            }
            if (!missing.isEmpty()) {
                statements.unreadable(name, name + "'s log lacks what recording reads: " + String.join("; ", missing));
                return;
            }
            tail.file = fields.get(0);
            long size = Long.parseLong(fields.get(1));
            tail.offset = Math.max(0, size - 1); // may fall inside a line being written: skip to the next line start
            tail.atLineStart = size == 0;
            statements.add(name, List.of());
        });
    }

    /**
     * Reads every readable worker's log until it shows a marked statement sent now: every call that
     * completed before has then been read, with what its body ran.
     */
    void sync() {
        String barrier = "citus-testkit worker barrier " + UUID.randomUUID();
        long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
        List<String> waiting = new ArrayList<>();
        tails.values().stream().filter(tail -> tail.file != null).forEach(tail -> waiting.add(tail.name));
        try (Connection connection = coordinator.getConnection()) {
            while (!waiting.isEmpty()) {
                Map<String, String> commands = new LinkedHashMap<>();
                for (String name : waiting) {
                    Tail tail = tails.get(name);
                    commands.put(name, KitSql.marked("SELECT concat_ws('|', '" + barrier + "', (pg_stat_file(f)).size, CASE WHEN "
                            + "(pg_stat_file(f)).size > " + tail.offset + " THEN encode(pg_read_binary_file(f, " + tail.offset
                            + ", (pg_stat_file(f)).size - " + tail.offset + "), 'base64') ELSE '' END) FROM (SELECT '"
                            + tail.file.replace("'", "''") + "'::text AS f) l"));
                }
                Map<String, String> results = run(connection, commands);
                for (Map.Entry<String, String> result : results.entrySet()) {
                    Tail tail = tails.get(result.getKey());
                    if (result.getValue().startsWith("ERROR ")) {
                        statements.unreadable(tail.name, tail.name + "'s log could not be read through the coordinator: "
                                + result.getValue().substring(6));
                        waiting.remove(tail.name);
                        continue;
                    }
                    List<LogEntry> entries = entries(tail, result.getValue());
                    statements.add(tail.name, entries);
                    if (entries.stream().anyMatch(entry -> entry.message() != null && entry.message().contains(barrier))) {
                        waiting.remove(tail.name);
                    }
                }
                if (!waiting.isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        waiting.forEach(name -> statements.unreadable(name, name + "'s log did not show the statement '" + barrier
                                + "' within " + SYNC_TIMEOUT.toSeconds() + " s: is its logging collector running?"));
                        return;
                    }
                    Thread.sleep(5);
                }
            }
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not read the workers' logs through the coordinator: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CitusTestkitException("Interrupted while reading the workers' logs", e);
        }
    }

    /** The complete lines of what was read ({@code barrier|size|base64}), advancing the worker's offset past them. */
    private static List<LogEntry> entries(Tail tail, String result) {
        String[] fields = result.split("\\|", 3);
        if (fields.length < 3 || fields[2].isEmpty()) {
            return List.of();
        }
        byte[] bytes = Base64.getMimeDecoder().decode(fields[2]);
        if (!tail.atLineStart) {
            int lineEnd = indexOf(bytes, 0);
            if (lineEnd < 0) {
                return List.of();
            }
            tail.offset += lineEnd + 1;
            tail.atLineStart = true;
            bytes = Arrays.copyOfRange(bytes, lineEnd + 1, bytes.length);
        }
        int complete = lastIndexOf(bytes) + 1;
        tail.offset += complete;
        return JsonLog.entries(new String(bytes, 0, complete, StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Runs one command on each named worker; a failure's result is {@code ERROR <message>}. */
    private Map<String, String> run(Connection connection, Map<String, String> commands) throws SQLException {
        Map<String, String> results = new LinkedHashMap<>();
        if (commands.isEmpty()) {
            return results;
        }
        List<String> names = new ArrayList<>(commands.keySet());
        Array nodeNames = connection.createArrayOf("text", names.toArray());
        Array ports = connection.createArrayOf("int4", names.stream().map(name -> tails.get(name).port).toArray());
        Array sql = connection.createArrayOf("text", commands.values().toArray());
        try (PreparedStatement statement = connection.prepareStatement(RUN_SQL)) {
            statement.setArray(1, nodeNames);
            statement.setArray(2, ports);
            statement.setArray(3, sql);
            try (ResultSet rows = statement.executeQuery()) {
                int i = 0;
                while (rows.next()) {
                    String name = rows.getString(1);
                    String result = rows.getString(4);
                    results.put(name != null ? name : names.get(i), rows.getBoolean(3) ? result : "ERROR " + result);
                    i++;
                }
            }
        }
        return results;
    }
}

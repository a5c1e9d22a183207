package io.citustestkit.recording;

import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.commons.KitSql;
import io.citustestkit.metadata.CitusMetadataReader;
import io.citustestkit.metadata.ShardCatalog;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Records every statement that reaches the coordinator, from any client, with what Citus did with it,
 * until closed. It reads the coordinator's JSON log: the statements ({@code log_statement = 'all'}),
 * their parameters, and the commands Citus sent to each node ({@code citus.log_remote_commands},
 * {@code citus.log_local_commands}), so what is judged is what ran, prepared statements and deferred
 * pruning included. For a function call or procedure Citus delegated to a worker, it reads that worker's
 * log too (through the coordinator) and adds what the call's body ran there to the statement. The kit's
 * own statements are left out. Clusters the kit starts log this way on every node; another cluster needs
 * {@link #REQUIRED_SETTINGS} on the coordinator, {@link #WORKER_SETTINGS} on the workers and a role that may
 * read the server's files (a worker that lacks them makes the calls delegated to it fail the verdicts, saying so).
 *
 * <pre>{@code
 * try (StatementRecorder recorder = cluster.recordStatements()) {
 *     repository.findEvents(tenantId);              // through the application's own pool
 *     RecordedStatements statements = recorder.statements();
 *     assertThatStatements(statements).allTouchOnlyTenant(tenantId);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StatementRecorder implements AutoCloseable {

    /**
     * The settings the coordinator needs for recording ({@code logging_collector} needs a restart).
     * Citus reports each command it runs as a NOTICE, and with {@code citus.stat_tenants_track = all} it
     * names in each command it sends the tenant (distribution column value) it routed the query for
     * (<code>/*{"cId":2,"tId":"42"}*&#47;</code>), at execution, prepared statements and deferred pruning included;
     * the coordinator plans as Citus does by default (fast-path planner, cached plans). The server logs
     * DEBUG2 (where a bind starts, the calls Citus delegates, the value it planned a query for); clients are
     * sent nothing below WARNING by default ({@code client_min_messages = warning}; a session may ask for
     * more), and a refused statement's parameters are logged with its error
     * ({@code log_parameter_max_length_on_error = -1}). Workers need {@link #WORKER_SETTINGS}.
     */
    public static final Map<String, String> REQUIRED_SETTINGS = settings(true);

    /**
     * The settings a node needs when it plans queries on its own shards: the workers, where the bodies of
     * delegated calls run (and a coordinator that holds shards, in a cluster without workers). Citus names
     * a value it runs locally only when planning it ("query has a single distribution column value: 42",
     * at DEBUG2), so each execution is planned with its values ({@code plan_cache_mode = force_custom_plan})
     * by the router planner ({@code citus.enable_fast_path_router_planner = off}: the fast-path planner
     * defers a bound value to the executor). Otherwise they log as {@link #REQUIRED_SETTINGS} says.
     */
    public static final Map<String, String> WORKER_SETTINGS = settings(false);

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(20);
    private static final String READ_SQL = KitSql.marked("""
            SELECT f, (pg_stat_file(f)).size,
                   CASE WHEN (pg_stat_file(f)).size > ? THEN pg_read_binary_file(f, ?, (pg_stat_file(f)).size - ?) END
            FROM pg_current_logfile('jsonlog') AS f""");

    private final DataSource coordinator;
    private final String file;
    private final StatementLog log = new StatementLog();
    private final TenantShards tenants;
    private long offset;
    private boolean atLineStart;
    private boolean started;
    private volatile boolean closed;
    private List<RecordedStatement> judged = List.of();
    private int judgedCount = -1;
    /** The workers' logs, for what delegated calls' bodies ran; {@code null} if they could not be found ({@link #workersProblem}). */
    private WorkerLogs workers;
    private String workersProblem;
    private final Map<Long, io.citustestkit.metadata.Shard> knownShards = new java.util.HashMap<>();
    private CascadingForeignKeys cascades = CascadingForeignKeys.NONE; // every key read so far: a dropped one still counts

    private StatementRecorder(DataSource coordinator, String file, long offset) {
        this.coordinator = coordinator;
        this.file = file;
        // the file's size may fall inside a line the server is still writing: start one byte before it and
        // skip to the first line that begins at or after it
        this.offset = Math.max(0, offset - 1);
        this.atLineStart = offset == 0;
        this.tenants = new TenantShards(coordinator);
    }

    /**
     * Starts recording on the coordinator behind {@code coordinator}: statements that reach it from now on
     * are recorded.
     *
     * @param coordinator a pool to the coordinator, as a role that may read the server's log
     * @return the recorder, recording
     * @throws RecordingUnavailableException naming each missing setting or privilege
     */
    public static StatementRecorder start(DataSource coordinator) {
        try (Connection connection = coordinator.getConnection()) {
            requireRecordable(connection);
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(KitSql.marked(
                         "SELECT f, (pg_stat_file(f)).size FROM pg_current_logfile('jsonlog') AS f"))) {
                rows.next();
                StatementRecorder recorder = new StatementRecorder(coordinator, rows.getString(1), rows.getLong(2));
                try {
                    recorder.workers = WorkerLogs.start(coordinator);
                } catch (CitusTestkitException e) {
                    recorder.workersProblem = e.getMessage(); // calls delegated to a worker are then judged as not seen
                }
                recorder.sync();
                recorder.started = true;
                return recorder;
            }
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not start recording statements on the coordinator: " + e.getMessage(), e);
        }
    }

    /** {@return the statements recorded since recording started (until {@link #close()}): a live view} */
    public RecordedStatements statements() {
        return new RecordedStatements(this::recorded, tenants);
    }

    /** Stops recording; what was recorded stays readable. */
    @Override
    public synchronized void close() {
        if (!closed) {
            sync();
            findBodies(log.statements(), true);
            closed = true;
        }
    }

    private synchronized List<RecordedStatement> recorded() {
        if (!closed) {
            sync();
        }
        List<ClientStatement> statements = log.statements();
        boolean found = findBodies(statements, !closed);
        if (statements.size() != judgedCount || found) {
            ShardCatalog catalog = catalog(statements);
            List<RecordedStatement> result = new ArrayList<>();
            for (ClientStatement statement : statements) {
                result.add(ExecutionEvidence.judge(statement, catalog, tenants::distributionColumn, cascades, this::body));
            }
            judged = List.copyOf(result);
            judgedCount = statements.size();
        }
        return judged;
    }

    /**
     * Looks up, in the workers' logs, the bodies of the delegated calls not found yet (reading the logs
     * first if {@code read}). {@return whether one was found}
     */
    private boolean findBodies(List<ClientStatement> statements, boolean read) {
        List<ClientStatement> pending = statements.stream().filter(StatementRecorder::hasBodyToFind).toList();
        if (pending.isEmpty() || workers == null) {
            return false;
        }
        if (read) {
            workers.sync();
        }
        boolean found = false;
        for (ClientStatement statement : pending) {
            for (int index = 0; index < statement.commands.size(); index++) {
                if (statement.commands.get(index).delegated() && !statement.bodies.containsKey(index)) {
                    DelegatedBody body = workers.statements().take(statement, index);
                    if (body != null) {
                        statement.bodies.put(index, body);
                        found = true;
                    }
                }
            }
        }
        return found;
    }

    private static boolean hasBodyToFind(ClientStatement statement) {
        for (int index = 0; index < statement.commands.size(); index++) {
            if (statement.commands.get(index).delegated() && !statement.bodies.containsKey(index)) {
                return true;
            }
        }
        return false;
    }

    private DelegatedBody body(ClientStatement statement, int index) {
        DelegatedBody body = statement.bodies.get(index);
        if (body != null) {
            return body;
        }
        if (workers == null) {
            return DelegatedBody.unseen(statement.commands.get(index).node(), workersProblem);
        }
        return workers.statements().missing(statement, index);
    }

    /**
     * The shards the statements named, read once each and kept: a table dropped later (its shards gone from the
     * catalog) does not make what a statement did before look shard-free.
     */
    private ShardCatalog catalog(List<ClientStatement> statements) {
        java.util.Set<Long> ids = ExecutionEvidence.shardIdsNamedBy(statements);
        ids.removeAll(knownShards.keySet());
        try (Connection connection = coordinator.getConnection()) {
            ShardCatalog read = CitusMetadataReader.readShardCatalog(connection, ids);
            knownShards.putAll(read.shards());
            return new ShardCatalog(knownShards, read.nodes());
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not read the shards the recorded statements touched: " + e.getMessage(), e);
        }
    }

    /**
     * Sends a marked statement and reads the log until it shows up: every statement that completed
     * before has then been read, with the commands Citus ran for it.
     */
    private void sync() {
        String barrier = "citus-testkit barrier " + UUID.randomUUID();
        long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
        try (Connection connection = coordinator.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(KitSql.marked("SELECT '" + barrier + "'"));
            }
            log.knowFunctions(SettingFunctions.read(connection)); // those the statements read next may call
            cascades = cascades.with(CascadingForeignKeys.read(connection)); // from the start: a key dropped later still counts
            while (true) {
                List<LogEntry> entries = readNewEntries(connection);
                int seen = barrierIndex(entries, barrier);
                if (started) {
                    log.add(entries);
                } else if (seen >= 0) {
                    log.add(entries.subList(seen, entries.size())); // what came after the start's barrier
                }
                if (seen >= 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new CitusTestkitException("The coordinator's log (" + file + ") did not show the statement '" + barrier
                            + "' within " + SYNC_TIMEOUT.toSeconds() + " s: is its logging collector running?");
                }
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not read the coordinator's log " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CitusTestkitException("Interrupted while reading the coordinator's log", e);
        }
    }

    private static int barrierIndex(List<LogEntry> entries, String barrier) {
        for (int i = 0; i < entries.size(); i++) {
            String message = entries.get(i).message();
            if (message != null && message.contains(barrier)) {
                return i;
            }
        }
        return -1;
    }

    private List<LogEntry> readNewEntries(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ_SQL)) {
            statement.setLong(1, offset);
            statement.setLong(2, offset);
            statement.setLong(3, offset);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (!file.equals(rows.getString(1)) || rows.getLong(2) < offset) {
                    throw new CitusTestkitException("The coordinator's log file changed while recording (" + file + " became "
                            + rows.getString(1) + "): set log_rotation_age = 0 and log_rotation_size = 0.");
                }
                byte[] bytes = rows.getBytes(3);
                if (bytes == null) {
                    return List.of();
                }
                if (!atLineStart) {
                    int lineEnd = firstNewline(bytes);
                    if (lineEnd < 0) {
                        return List.of(); // still inside the line that was being written
                    }
                    offset += lineEnd + 1;
                    atLineStart = true;
                    bytes = java.util.Arrays.copyOfRange(bytes, lineEnd + 1, bytes.length);
                }
                int complete = lastNewline(bytes) + 1;
                offset += complete;
                return JsonLog.entries(new String(bytes, 0, complete, StandardCharsets.UTF_8));
            }
        }
    }

    private static int firstNewline(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The settings recording reads, in the order {@link #missingSettings(List, boolean)} takes them. */
    static final List<String> SETTINGS_READ = List.of("current_setting('logging_collector')", "current_setting('log_destination')",
            "current_setting('log_statement')", "current_setting('citus.log_remote_commands', true)",
            "current_setting('citus.log_local_commands', true)",
            "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR pg_has_role(current_user, 'pg_read_server_files', 'MEMBER')",
            "current_user", "current_setting('log_min_messages')", "current_setting('plan_cache_mode')",
            "current_setting('citus.enable_fast_path_router_planner', true)", "current_setting('log_parameter_max_length_on_error')",
            "current_setting('citus.stat_tenants_track', true)", "current_setting('citus.grep_remote_commands', true)");

    /** Fails with every missing setting and privilege at once. */
    static void requireRecordable(Connection connection) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(KitSql.marked("SELECT " + String.join(", ", SETTINGS_READ)))) {
            rows.next();
            for (int i = 1; i <= SETTINGS_READ.size(); i++) {
                values.add(rows.getString(i));
            }
        }
        List<String> missing = missingSettings(values, true);
        if (!missing.isEmpty()) {
            throw new RecordingUnavailableException("Statement recording reads the coordinator's JSON log, and this coordinator "
                    + "cannot provide it:\n  - " + String.join("\n  - ", missing)
                    + "\n  Clusters citus-testkit starts are configured this way; for another coordinator, set these (as a superuser).");
        }
    }

    /**
     * What a node lacks for recording, each with how to set it.
     *
     * @param values the values of {@link #SETTINGS_READ}, in order, as text
     * @param coordinator whether the node is the coordinator ({@link #REQUIRED_SETTINGS}) or a worker ({@link #WORKER_SETTINGS})
     * @return the missing settings and privileges, empty if none
     */
    static List<String> missingSettings(List<String> values, boolean coordinator) {
        List<String> missing = new ArrayList<>();
        expect(missing, "logging_collector", values.get(0), "on", " (needs a restart)");
        if (values.get(1) == null || !values.get(1).contains("jsonlog")) {
            missing.add("log_destination is '" + values.get(1) + "', needs to include 'jsonlog' (PostgreSQL 15+): "
                    + "ALTER SYSTEM SET log_destination = 'jsonlog'; SELECT pg_reload_conf();");
        }
        expect(missing, "log_statement", values.get(2), "all", "");
        expect(missing, "citus.log_remote_commands", values.get(3), "on", "");
        expect(missing, "citus.log_local_commands", values.get(4), "on", "");
        if (!List.of("debug5", "debug4", "debug3", "debug2").contains(values.get(7))) {
            missing.add("log_min_messages is '" + values.get(7) + "', needs 'debug2' (Citus reports the commands it runs as "
                    + "NOTICEs, and the distribution value it planned a query for at DEBUG2): "
                    + "ALTER SYSTEM SET log_min_messages = 'debug2'; SELECT pg_reload_conf();");
        }
        boolean plansWithValues = "force_custom_plan".equalsIgnoreCase(values.get(8)) && "off".equalsIgnoreCase(values.get(9));
        if (!coordinator) {
            expect(missing, "plan_cache_mode", values.get(8), "force_custom_plan", " (each execution planned with its values)");
            expect(missing, "citus.enable_fast_path_router_planner", values.get(9), "off",
                    " (the fast-path planner does not name a bound parameter's value)");
        } else if (!"all".equalsIgnoreCase(values.get(11)) && !plansWithValues) {
            // a coordinator configured as workers are names its values at planning instead: it is accepted as it is
            missing.add("citus.stat_tenants_track is '" + values.get(11) + "', needs 'all' (Citus then names the tenant of "
                    + "each command it sends): ALTER SYSTEM SET citus.stat_tenants_track = 'all'; SELECT pg_reload_conf();");
        }
        expect(missing, "log_parameter_max_length_on_error", values.get(10), "-1", " (a refused statement's parameters)");
        if (values.get(12) != null && !values.get(12).isEmpty()) {
            missing.add("citus.grep_remote_commands is '" + values.get(12) + "', needs '' (Citus logs only the commands that match "
                    + "it): ALTER SYSTEM RESET citus.grep_remote_commands; SELECT pg_reload_conf();");
        }
        if (!List.of("t", "true").contains(values.get(5))) {
            missing.add("role " + values.get(6) + " may not read the server's log: GRANT pg_read_server_files TO "
                    + values.get(6) + "; (or use a superuser)");
        }
        return missing;
    }

    private static void expect(List<String> missing, String setting, String actual, String wanted, String note) {
        if (!wanted.equalsIgnoreCase(String.valueOf(actual))) {
            missing.add(setting + " is '" + actual + "', needs '" + wanted + "'" + note + ": ALTER SYSTEM SET " + setting + " = '"
                    + wanted + "'; SELECT pg_reload_conf();");
        }
    }

    private static Map<String, String> settings(boolean coordinator) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("logging_collector", "on");
        settings.put("log_destination", "jsonlog");
        settings.put("log_directory", "log");
        settings.put("log_filename", "postgresql.log");
        settings.put("log_rotation_age", "0");
        settings.put("log_rotation_size", "0");
        settings.put("log_statement", "all");
        settings.put("citus.log_remote_commands", "on");
        settings.put("citus.log_local_commands", "on");
        // Citus reports the commands it runs as NOTICEs, and at DEBUG2 the distribution value it planned a query for
        // ("query has a single distribution column value: 42"), the calls it delegates (DEBUG1) and where a bind starts
        settings.put("log_min_messages", "debug2");
        settings.put("client_min_messages", "warning"); // ... which clients need not receive
        if (coordinator) {
            // the tenant of each task, in the command Citus sends: named at execution, whatever planned it
            settings.put("citus.stat_tenants_track", "all");
        } else {
            // a body's queries run on the worker's own shards, named only when planned with their values
            settings.put("plan_cache_mode", "force_custom_plan");
            settings.put("citus.enable_fast_path_router_planner", "off");
        }
        settings.put("log_parameter_max_length_on_error", "-1"); // a refused statement's parameters, with its error
        return java.util.Collections.unmodifiableMap(settings);
    }
}

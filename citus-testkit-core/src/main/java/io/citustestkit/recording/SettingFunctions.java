package io.citustestkit.recording;

import io.citustestkit.commons.KitSql;
import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The functions and procedures of the database that may change a setting recording reads, by name, from the
 * coordinator's catalog: those whose body names one ({@code PERFORM set_config('citus.log_remote_commands', 'off',
 * false)}, {@code SET log_statement = 'none'}), and those declared to run with one changed
 * ({@code CREATE FUNCTION ... SET citus.log_remote_commands = off}). A client's statement that calls one is judged as
 * if it had made the change itself: the server logs no statement of a body.
 *
 * <pre>{@code
 * SettingFunctions functions = SettingFunctions.read(connection);
 * functions.effectsOf("SELECT quiet_cleanup(42)").changes(); // [citus.log_remote_commands to off, ...]
 * }</pre>
 */
final class SettingFunctions {

    /** No function changes a setting recording reads. */
    static final SettingFunctions NONE = new SettingFunctions(Map.of());

    // the system's and extensions' own functions are left out: they are not the application's
    private static final String SQL = KitSql.marked("""
            SELECT lower(p.proname) AS name, p.oid::regprocedure::text AS signature, p.prosrc, p.proconfig
            FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_catalog.pg_language l ON l.oid = p.prolang
            WHERE l.lanname NOT IN ('internal', 'c')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'citus', 'citus_internal', 'columnar', 'columnar_internal')
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
            ORDER BY 1, 2""");

    /**
     * One function that may change a setting recording reads.
     *
     * @param signature its name and argument types, as {@code regprocedure} prints it
     * @param body its source
     * @param runsWith the settings it is declared to run with ({@code name=value}), as {@code proconfig} holds them
     */
    record Function(String signature, String body, List<String> runsWith) {

        /** {@return the changes its body makes, with {@code sql} (the call) as their statement} */
        List<SessionSetting> bodyChanges(String sql) {
            return SessionSetting.inBody(body, sql + " (the body of " + signature + ")");
        }

        /** {@return the settings it runs with that hide what recording reads while its body runs, e.g. "citus.log_remote_commands=off"} */
        List<String> hiding() {
            return runsWith.stream().filter(entry -> {
                int equals = entry.indexOf('=');
                return equals > 0 && !SessionSetting.leavesRecordingAsItIs(entry.substring(0, equals), entry.substring(equals + 1));
            }).toList();
        }
    }

    private final Map<String, List<Function>> byName;

    SettingFunctions(Map<String, List<Function>> byName) {
        this.byName = Map.copyOf(byName);
    }

    /**
     * Reads, from the coordinator's catalog, the application's functions (not the system's or an extension's) and keeps
     * those that may change a setting recording reads: in their body, in the settings they run with, or through a
     * function they call, at any depth.
     */
    static SettingFunctions read(Connection connection) throws SQLException {
        Map<String, List<Function>> all = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SQL); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Array config = rs.getArray("proconfig");
                List<String> runsWith = config == null ? List.of() : List.of((String[]) config.getArray());
                all.computeIfAbsent(rs.getString("name"), name -> new ArrayList<>())
                        .add(new Function(rs.getString("signature"), rs.getString("prosrc"), runsWith));
            }
        }
        return new SettingFunctions(all).relevant();
    }

    /** {@return these, without the functions that change no setting recording reads, even through what they call} */
    SettingFunctions relevant() {
        Map<String, List<Function>> kept = new LinkedHashMap<>();
        byName.forEach((name, functions) -> functions.stream().filter(f -> !effects(f, "", new HashSet<>()).isEmpty())
                .forEach(f -> kept.computeIfAbsent(name, n -> new ArrayList<>()).add(f)));
        return new SettingFunctions(kept);
    }

    /**
     * What calling the functions {@code sql} calls does to what the server logs: the settings their bodies change, and
     * through them the functions those call (an over-estimate: every overload of a name counts).
     *
     * @param sql one statement as a client sent it
     * @return the changes, in order, and the settings a called function runs with that hide its own work
     */
    Effects effectsOf(String sql) {
        Effects effects = new Effects(new ArrayList<>(), new ArrayList<>());
        Set<Function> visited = new HashSet<>();
        for (Function function : calledBy(sql)) {
            effects.add(effects(function, sql.strip(), visited));
        }
        return effects;
    }

    /** The changes a call of {@code function} from {@code sql} makes, with those of the functions its body calls. */
    private Effects effects(Function function, String sql, Set<Function> visited) {
        Effects effects = new Effects(new ArrayList<>(), new ArrayList<>());
        if (!visited.add(function)) {
            return effects;
        }
        effects.changes().addAll(function.bodyChanges(sql));
        function.hiding().forEach(setting -> effects.hiding().add(sql + " (" + function.signature() + " runs with " + setting + ")"));
        for (Function callee : calledBy(function.body())) {
            effects.add(effects(callee, sql, visited));
        }
        return effects;
    }

    /**
     * What calling functions does to what the server logs.
     *
     * @param changes the settings recording reads that their bodies change, in order
     * @param hiding the settings they run with that hide what their bodies run, each with the call
     */
    record Effects(List<SessionSetting> changes, List<String> hiding) {

        boolean isEmpty() {
            return changes.isEmpty() && hiding.isEmpty();
        }

        void add(Effects more) {
            changes.addAll(more.changes);
            hiding.addAll(more.hiding);
        }
    }

    /**
     * {@return the functions of these that {@code sql} may call: every overload of each name it calls ({@code name(}, also
     * schema-qualified, and {@code CALL name(}; in a {@code DO} block's body too)}
     *
     * @param sql one statement as a client sent it
     */
    List<Function> calledBy(String sql) {
        // also a body's calls: PERFORM f(), x := f(), SELECT f()
        if (byName.isEmpty()) {
            return List.of();
        }
        List<SqlToken> tokens = new ArrayList<>(SqlLexer.tokenize(sql).stream().filter(t -> !t.isTrivia()).toList());
        if (!tokens.isEmpty() && tokens.get(0).isWord("DO")) { // a DO block's calls are in its body
            for (SqlToken token : List.copyOf(tokens)) {
                String body = token.stringContent();
                if (body != null) {
                    SqlLexer.tokenize(body).stream().filter(t -> !t.isTrivia()).forEach(tokens::add);
                }
            }
        }
        List<Function> called = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String name = tokens.get(i).identifier();
            if (name != null && tokens.get(i + 1).text().equals("(")) {
                List<Function> functions = byName.get(name.toLowerCase(Locale.ROOT));
                if (functions != null) {
                    functions.stream().filter(f -> !called.contains(f)).forEach(called::add);
                }
            }
        }
        return called;
    }
}

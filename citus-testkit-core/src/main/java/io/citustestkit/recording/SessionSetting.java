package io.citustestkit.recording;

import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code SET} or {@code RESET} of a setting recording reads ({@link StatementRecorder#REQUIRED_SETTINGS}), as a
 * client sent it: a session that sets {@code citus.log_remote_commands TO off} hides what Citus runs for its
 * statements from the log, so they cannot be judged as passing.
 *
 * <pre>{@code
 * SessionSetting.of("SET citus.log_remote_commands TO OFF"); // changes citus.log_remote_commands to off
 * SessionSetting.of("RESET citus.log_remote_commands");      // back to what the server runs with
 * }</pre>
 *
 * @param name the setting, lower case, or {@code null} for {@code RESET ALL}
 * @param value the value set, lower case without quotes, or {@code null} for a {@code RESET}
 * @param sql the statement
 */
record SessionSetting(String name, String value, String sql) {

    /** Settings a client may change without hiding anything recording reads. */
    private static final List<String> HARMLESS = List.of("client_min_messages");

    /**
     * Settings recording reads that the server runs with at their defaults: {@code citus.grep_remote_commands} logs only
     * the commands that match it.
     */
    static final Map<String, String> DEFAULTS_READ = Map.of("citus.grep_remote_commands", "");

    /**
     * The settings recording reads that {@code sql} changes, in order: {@link #of(String)}, and for a {@code DO} block each
     * {@code SET}, {@code RESET} or {@code set_config} of one in its body (a block's statements are not logged one by one).
     *
     * @param sql one statement as a client sent it
     * @return the changes, each with {@code sql} as its statement; empty if it changes none
     */
    static List<SessionSetting> in(String sql) {
        List<SessionSetting> settings = new ArrayList<>();
        of(sql).ifPresent(settings::add);
        List<SqlToken> tokens = SqlLexer.tokenize(sql).stream().filter(t -> !t.isTrivia()).toList();
        if (tokens.isEmpty() || !tokens.get(0).isWord("DO")) {
            return settings;
        }
        for (SqlToken token : tokens) {
            String body = token.stringContent();
            if (body != null) {
                settings.addAll(parsedInBody(body, sql));
            }
        }
        settings.addAll(mentionedOnly(sql, settings, sql));
        return settings;
    }

    /**
     * The settings recording reads that a function's or {@code DO} block's body changes, in order: each {@code SET},
     * {@code RESET} or {@code set_config} of one.
     *
     * @param body the body's text (PL/pgSQL or SQL)
     * @param sql the client's statement that ran it, for the message
     * @return the changes, each with {@code sql} as its statement
     */
    static List<SessionSetting> inBody(String body, String sql) {
        List<SessionSetting> settings = parsedInBody(body, sql);
        settings.addAll(mentionedOnly(body, settings, sql));
        return settings;
    }

    /**
     * A change of unknown value ({@code ?}) for each setting recording reads that {@code text} names where no parsed change
     * does: a body may change it in ways not read here ({@code EXECUTE 'SET ...'}, {@code set_config} with a variable, another
     * language), so it is taken as changed, never as left alone.
     */
    private static List<SessionSetting> mentionedOnly(String text, List<SessionSetting> parsed, String sql) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<SessionSetting> mentioned = new ArrayList<>();
        for (String name : namesRead()) {
            if (lower.contains(name) && parsed.stream().noneMatch(setting -> name.equals(setting.name()))) {
                mentioned.add(new SessionSetting(name, "?", sql));
            }
        }
        return mentioned;
    }

    /** {@return the names of the settings recording reads, lower case} */
    static java.util.Set<String> namesRead() {
        java.util.Set<String> names = new java.util.TreeSet<>(StatementRecorder.REQUIRED_SETTINGS.keySet());
        names.addAll(DEFAULTS_READ.keySet());
        names.removeAll(HARMLESS);
        return names;
    }

    private static List<SessionSetting> parsedInBody(String body, String sql) {
        List<SessionSetting> settings = new ArrayList<>();
        List<SqlToken> part = new ArrayList<>();
        for (SqlToken bodyToken : SqlLexer.tokenize(body)) {
            if (bodyToken.isTrivia()) {
                continue;
            }
            if (bodyToken.text().equals(";")) {
                settings.addAll(inBodyStatement(part, sql));
                part.clear();
            } else {
                part.add(bodyToken);
            }
        }
        settings.addAll(inBodyStatement(part, sql));
        return settings;
    }

    /**
     * {@return whether a setting a function runs with ({@code CREATE FUNCTION ... SET name = value}, {@code proconfig}: in
     * force while its body runs) leaves what recording reads as it is}
     *
     * @param name the setting
     * @param value its value there
     */
    static boolean leavesRecordingAsItIs(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !recorded(lower) || value.equalsIgnoreCase(needed(lower));
    }

    /**
     * The changes one statement of a PL/pgSQL body makes: a {@code SET}/{@code RESET} wherever it starts (after {@code BEGIN},
     * a label, {@code EXECUTE}'s string is not read) and {@code set_config}; the value is taken as not known ({@code ?}) unless
     * it is a constant, as at the top level.
     */
    private static List<SessionSetting> inBodyStatement(List<SqlToken> part, String sql) {
        List<SessionSetting> settings = new ArrayList<>();
        setConfig(part, sql).ifPresent(settings::add);
        for (int k = 0; k < part.size(); k++) {
            if (part.get(k).isWord("SET") || part.get(k).isWord("RESET")) {
                String from = String.join(" ", part.subList(k, part.size()).stream().map(SqlToken::text).toList());
                of(from).map(setting -> new SessionSetting(setting.name(), setting.value(), sql)).ifPresent(settings::add);
            }
        }
        return settings;
    }

    /**
     * {@return the setting {@code sql} changes, if it is a {@code SET}/{@code RESET} of one recording reads, or calls
     * {@code set_config} on one}
     */
    static Optional<SessionSetting> of(String sql) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql).stream().filter(t -> !t.isTrivia()).toList();
        if (tokens.size() < 2) {
            return Optional.empty();
        }
        Optional<SessionSetting> setConfig = setConfig(tokens, sql);
        if (setConfig.isPresent()) {
            return setConfig;
        }
        int i = 1;
        if (tokens.get(0).isWord("RESET")) {
            if (tokens.get(1).isWord("ALL")) {
                return Optional.of(new SessionSetting(null, null, sql));
            }
            String name = name(tokens, i);
            return recorded(name) ? Optional.of(new SessionSetting(name, null, sql)) : Optional.empty();
        }
        if (!tokens.get(0).isWord("SET")) {
            return Optional.empty();
        }
        if (tokens.get(i).isWord("SESSION") || tokens.get(i).isWord("LOCAL")) {
            i++;
        }
        String name = name(tokens, i);
        if (!recorded(name)) {
            return Optional.empty();
        }
        int at = i + (int) name.chars().filter(c -> c == '.').count() * 2 + 1;
        if (at < tokens.size() && (tokens.get(at).isWord("TO") || tokens.get(at).text().equals("="))) {
            at++;
        }
        String value = at < tokens.size() ? tokens.get(at).text() : "";
        if (value.length() > 1 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1);
        }
        return Optional.of(new SessionSetting(name, value.toLowerCase(Locale.ROOT), sql));
    }

    /**
     * {@code SELECT set_config('citus.log_remote_commands', 'off', false)}: the first call of {@code set_config} on a setting
     * recording reads, with the value it sets ({@code ?} when it is not a constant: never taken for the one needed).
     */
    private static Optional<SessionSetting> setConfig(List<SqlToken> tokens, String sql) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("set_config") || !tokens.get(i + 1).text().equals("(")) {
                continue;
            }
            SqlToken first = tokens.get(i + 2);
            String name = first.kind() == SqlToken.Kind.STRING ? literal(first).toLowerCase(Locale.ROOT) : null;
            if (name == null || !recorded(name)) {
                continue;
            }
            SqlToken second = i + 4 < tokens.size() && tokens.get(i + 3).text().equals(",") ? tokens.get(i + 4) : null;
            boolean constant = second != null && second.kind() == SqlToken.Kind.STRING
                    && (i + 5 >= tokens.size() || tokens.get(i + 5).text().equals(","));
            return Optional.of(new SessionSetting(name, constant ? literal(second).toLowerCase(Locale.ROOT) : "?", sql));
        }
        return Optional.empty();
    }

    private static String literal(SqlToken token) {
        String text = token.text();
        return text.length() >= 2 && text.startsWith("'") && text.endsWith("'") ? text.substring(1, text.length() - 1).replace("''", "'") : "?";
    }

    /** Records in {@code changed} (setting to statement) whether this leaves the setting as recording needs it. */
    void applyTo(Map<String, String> changed) {
        if (name == null) {
            changed.clear();
        } else if (value == null || value.equalsIgnoreCase(needed(name)) || isDefault()) {
            changed.remove(name);
        } else {
            changed.put(name, sql.strip());
        }
    }

    private boolean isDefault() {
        return "default".equals(value);
    }

    private static boolean recorded(String name) {
        return name != null && (StatementRecorder.REQUIRED_SETTINGS.containsKey(name) || DEFAULTS_READ.containsKey(name))
                && !HARMLESS.contains(name);
    }

    private static String needed(String name) {
        return StatementRecorder.REQUIRED_SETTINGS.getOrDefault(name, DEFAULTS_READ.get(name));
    }

    /** {@code citus.log_remote_commands} from the tokens {@code citus}, {@code .}, {@code log_remote_commands}. */
    private static String name(List<SqlToken> tokens, int i) {
        if (i >= tokens.size()) {
            return null;
        }
        StringBuilder name = new StringBuilder(tokens.get(i).text().toLowerCase(Locale.ROOT));
        while (i + 2 < tokens.size() && tokens.get(i + 1).text().equals(".")) {
            name.append('.').append(tokens.get(i + 2).text().toLowerCase(Locale.ROOT));
            i += 2;
        }
        return name.toString();
    }
}

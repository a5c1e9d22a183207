package io.citustestkit.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements the way the server reads it: semicolons inside comments
 * ({@code --}, nested {@code /* *\/}), string literals ({@code '...'}, {@code E'...'} with backslash
 * escapes), quoted identifiers ({@code "..."}), dollar-quoted bodies ({@code $$ ... $$},
 * {@code $fn$ ... $fn$}) and SQL-standard function bodies ({@code BEGIN ATOMIC ... END}) do not end a
 * statement.
 *
 * <pre>{@code
 * List<SqlStatement> statements = SqlScriptSplitter.split("""
 *     CREATE TABLE events (owner_id bigint, note text DEFAULT 'a;b');
 *     SELECT create_distributed_table('events', 'owner_id');
 *     """);
 * statements.size(); // 2
 * }</pre>
 */
public final class SqlScriptSplitter {

    private final String script;
    private final List<SqlStatement> statements = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int position;
    private int line = 1;
    private int statementLine = -1;
    private int atomicDepth;
    private String previousWord = "";

    private SqlScriptSplitter(String script) {
        this.script = script;
    }

    /**
     * Splits {@code script} into its statements, in order; empty statements and comment-only text are
     * dropped.
     *
     * @throws IllegalArgumentException if a quote, comment or dollar-quoted body is not closed, or the
     *                                  script uses a psql meta-command such as {@code \connect}
     */
    public static List<SqlStatement> split(String script) {
        SqlScriptSplitter splitter = new SqlScriptSplitter(script);
        splitter.run();
        return List.copyOf(splitter.statements);
    }

    private void run() {
        while (position < script.length()) {
            char c = script.charAt(position);
            if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '\'') {
                boolean escapes = isEscapeStringPrefix();
                copyQuoted('\'', escapes, "string literal");
            } else if (c == '"') {
                copyQuoted('"', false, "quoted identifier");
            } else if (c == '$' && dollarTagAt(position) != null) {
                copyDollarQuoted(dollarTagAt(position));
            } else if (c == ';' && atomicDepth > 0) {
                append(c);
                position++;
            } else if (c == ';') {
                finishStatement();
                position++;
            } else if (c == '\\' && current.toString().isBlank()) {
                throw new IllegalArgumentException("psql meta-command at line " + line + " ('" + restOfLine()
                        + "') is not SQL; the schema runner sends plain SQL statements to the server. "
                        + "Replace it with SQL or remove it.");
            } else if (isWordStart(c)) {
                copyWord();
            } else {
                append(c);
                position++;
            }
        }
        finishStatement();
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    /**
     * Copies a keyword or identifier, tracking SQL-standard function bodies ({@code BEGIN ATOMIC ...
     * END}, PostgreSQL 14+) the way psql does: inside one, {@code CASE} opens and {@code END} closes a
     * level, and a semicolon ends the statement only once the body is closed.
     */
    private void copyWord() {
        int start = position;
        while (position < script.length() && (Character.isLetterOrDigit(script.charAt(position))
                || script.charAt(position) == '_' || script.charAt(position) == '$')) {
            append(script.charAt(position++));
        }
        String word = script.substring(start, position).toUpperCase(java.util.Locale.ROOT);
        if (word.equals("ATOMIC") && "BEGIN".equals(previousWord)) {
            atomicDepth++;
        } else if (atomicDepth > 0 && word.equals("CASE")) {
            atomicDepth++;
        } else if (atomicDepth > 0 && word.equals("END")) {
            atomicDepth--;
        }
        previousWord = word;
    }

    private char peek(int offset) {
        int index = position + offset;
        return index < script.length() ? script.charAt(index) : '\0';
    }

    private void append(char c) {
        if (statementLine < 0 && !Character.isWhitespace(c)) {
            statementLine = line;
        }
        if (c == '\n') {
            line++;
        }
        current.append(c);
    }

    private void skipLineComment() {
        while (position < script.length() && script.charAt(position) != '\n') {
            position++;
        }
    }

    private void skipBlockComment() {
        int startLine = line;
        int depth = 0;
        while (position < script.length()) {
            char c = script.charAt(position);
            if (c == '/' && peek(1) == '*') {
                depth++;
                position += 2;
            } else if (c == '*' && peek(1) == '/') {
                depth--;
                position += 2;
                if (depth == 0) {
                    current.append(' ');
                    return;
                }
            } else {
                if (c == '\n') {
                    line++;
                    current.append('\n');
                }
                position++;
            }
        }
        throw unterminated("block comment", startLine);
    }

    private boolean isEscapeStringPrefix() {
        if (position == 0) {
            return false;
        }
        char before = script.charAt(position - 1);
        boolean prefix = before == 'e' || before == 'E';
        boolean standalone = position < 2 || !Character.isLetterOrDigit(script.charAt(position - 2))
                && script.charAt(position - 2) != '_';
        return prefix && standalone;
    }

    private void copyQuoted(char quote, boolean backslashEscapes, String what) {
        int startLine = line;
        append(quote);
        position++;
        while (position < script.length()) {
            char c = script.charAt(position);
            if (backslashEscapes && c == '\\' && position + 1 < script.length()) {
                append(c);
                append(script.charAt(position + 1));
                position += 2;
            } else if (c == quote && peek(1) == quote) {
                append(c);
                append(c);
                position += 2;
            } else if (c == quote) {
                append(c);
                position++;
                return;
            } else {
                append(c);
                position++;
            }
        }
        throw unterminated(what, startLine);
    }

    private void copyDollarQuoted(String tag) {
        int startLine = line;
        for (int i = 0; i < tag.length(); i++) {
            append(script.charAt(position++));
        }
        int end = script.indexOf(tag, position);
        if (end < 0) {
            throw unterminated("dollar-quoted body " + tag, startLine);
        }
        while (position < end + tag.length()) {
            append(script.charAt(position++));
        }
    }

    /** Returns the dollar-quote tag starting at {@code index} ({@code $$} or {@code $name$}), or null. */
    private String dollarTagAt(int index) {
        if (index > 0) {
            char before = script.charAt(index - 1);
            if (Character.isLetterOrDigit(before) || before == '_' || before == '$') {
                return null; // part of an identifier such as a$b, or a positional parameter
            }
        }
        int i = index + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '$') {
                return script.substring(index, i + 1);
            }
            boolean valid = Character.isLetter(c) || c == '_' || (i > index + 1 && Character.isDigit(c));
            if (!valid) {
                return null;
            }
            i++;
        }
        return null;
    }

    private void finishStatement() {
        atomicDepth = 0;
        previousWord = "";
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(new SqlStatement(statements.size() + 1, statementLine, sql));
        }
        current.setLength(0);
        statementLine = -1;
    }

    private String restOfLine() {
        int end = script.indexOf('\n', position);
        return script.substring(position, end < 0 ? script.length() : end).strip();
    }

    private IllegalArgumentException unterminated(String what, int startLine) {
        return new IllegalArgumentException("Unterminated " + what + " starting at line " + startLine
                + ": the script ends before it is closed. Close it, or check for a stray quote or $ sign.");
    }
}

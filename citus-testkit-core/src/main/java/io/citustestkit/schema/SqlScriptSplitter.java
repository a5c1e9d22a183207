package io.citustestkit.schema;

import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Splits a PostgreSQL script into statements the way the server reads it: semicolons inside comments
 * ({@code --}, nested {@code /* *\/}), string literals ({@code '...'}, {@code E'...'} with backslash
 * escapes), quoted identifiers ({@code "..."}), dollar-quoted bodies ({@code $$ ... $$},
 * {@code $fn$ ... $fn$}) and SQL-standard function bodies ({@code BEGIN ATOMIC ... END}) do not end a
 * statement. The tokens come from {@link SqlLexer}, the kit's one reading of SQL text; comments are
 * left out of the statements.
 *
 * <pre>{@code
 * List<SqlStatement> statements = SqlScriptSplitter.split("""
 *     CREATE TABLE events (owner_id bigint, note text DEFAULT 'a;b');
 *     SELECT create_distributed_table('events', 'owner_id');
 *     """);
 * statements.size(); // 2
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SqlScriptSplitter {

    private final String script;
    private final List<SqlStatement> statements = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
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
     * @param script the text of a SQL script
     * @return its statements
     * @throws IllegalArgumentException if a quote, comment or dollar-quoted body is not closed, or the
     *                                  script uses a psql meta-command such as {@code \connect}
     */
    public static List<SqlStatement> split(String script) {
        SqlScriptSplitter splitter = new SqlScriptSplitter(script);
        for (SqlToken token : SqlLexer.tokenize(script)) {
            splitter.accept(token);
        }
        splitter.finishStatement();
        return List.copyOf(splitter.statements);
    }

    private void accept(SqlToken token) {
        if (!token.terminated()) {
            throw unterminated(token);
        }
        switch (token.kind()) {
            case LINE_COMMENT -> {
                // dropped; the line break after it is whitespace
            }
            case BLOCK_COMMENT -> current.append("\n".repeat(lineBreaks(token.text()))).append(' ');
            case SEMICOLON -> {
                if (atomicDepth > 0) {
                    append(token);
                } else {
                    finishStatement();
                }
            }
            case WORD -> {
                append(token);
                trackAtomicBody(token.text().toUpperCase(Locale.ROOT));
            }
            default -> {
                if (token.text().equals("\\") && current.toString().isBlank()) {
                    throw new IllegalArgumentException("psql meta-command at line " + token.line() + " ('"
                            + restOfLine(token.start()) + "') is not SQL; the schema runner sends plain SQL statements"
                            + " to the server. Replace it with SQL or remove it.");
                }
                append(token);
            }
        }
    }

    /**
     * Tracks SQL-standard function bodies ({@code BEGIN ATOMIC ... END}, PostgreSQL 14+) the way psql
     * does: inside one, {@code CASE} opens and {@code END} closes a level, and a semicolon ends the
     * statement only once the body is closed.
     */
    private void trackAtomicBody(String word) {
        if (word.equals("ATOMIC") && "BEGIN".equals(previousWord)) {
            atomicDepth++;
        } else if (atomicDepth > 0 && word.equals("CASE")) {
            atomicDepth++;
        } else if (atomicDepth > 0 && word.equals("END")) {
            atomicDepth--;
        }
        previousWord = word;
    }

    private void append(SqlToken token) {
        if (statementLine < 0 && !token.isTrivia()) {
            statementLine = token.line();
        }
        current.append(token.text());
    }

    private static int lineBreaks(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
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

    private String restOfLine(int position) {
        int end = script.indexOf('\n', position);
        return script.substring(position, end < 0 ? script.length() : end).strip();
    }

    private static IllegalArgumentException unterminated(SqlToken token) {
        String what = switch (token.kind()) {
            case BLOCK_COMMENT -> "block comment";
            case QUOTED_IDENTIFIER -> "quoted identifier";
            case DOLLAR_STRING -> "dollar-quoted body " + token.dollarTag();
            default -> "string literal";
        };
        return new IllegalArgumentException("Unterminated " + what + " starting at line " + token.line()
                + ": the script ends before it is closed. Close it, or check for a stray quote or $ sign.");
    }
}

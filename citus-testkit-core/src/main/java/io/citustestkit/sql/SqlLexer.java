package io.citustestkit.sql;

import io.citustestkit.sql.SqlToken.Kind;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Reads PostgreSQL SQL text into {@link SqlToken}s, following the server's lexer where it decides
 * what is code and what is not: {@code --} line comments, nested {@code /* *\/} block comments,
 * {@code '...'} strings ({@code ''} escapes a quote, a backslash is an ordinary character, as with
 * {@code standard_conforming_strings} on, the default), {@code E'...'} strings with backslash escapes,
 * {@code U&'...'}, {@code B'...'}, {@code X'...'} and {@code N'...'} strings, {@code "quoted
 * identifiers"}, {@code $$} and {@code $tag$} dollar quoting (a tag is an identifier, so {@code $1}
 * is a parameter, not a tag). It also knows the JDBC {@code ?} placeholder and its {@code ??} escape,
 * as the PostgreSQL driver does. It never fails: an unclosed quote or comment is a token that runs to
 * the end of the text, marked {@link SqlToken#terminated() not terminated}.
 *
 * <pre>{@code
 * SqlLexer.tokenize("SELECT '?' /* ? *\/, ?::int").stream()
 *         .filter(t -> t.kind() == SqlToken.Kind.PLACEHOLDER)
 *         .count();  // 1
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SqlLexer {

    private final String sql;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int position;
    private int line = 1;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /**
     * The tokens of {@code sql}, in order, covering every character.
     *
     * @param sql any text
     * @return its tokens
     */
    public static List<SqlToken> tokenize(String sql) {
        Objects.requireNonNull(sql, "sql");
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (position < sql.length()) {
            int start = position;
            char c = sql.charAt(position);
            Kind kind;
            boolean terminated = true;
            if (Character.isWhitespace(c)) {
                kind = Kind.WHITESPACE;
                while (position < sql.length() && Character.isWhitespace(sql.charAt(position))) {
                    position++;
                }
            } else if (c == '-' && peek(1) == '-') {
                kind = Kind.LINE_COMMENT;
                int newline = sql.indexOf('\n', position);
                position = newline < 0 ? sql.length() : newline;
            } else if (c == '/' && peek(1) == '*') {
                kind = Kind.BLOCK_COMMENT;
                terminated = blockComment();
            } else if (c == '\'') {
                kind = Kind.STRING;
                terminated = quoted('\'', false);
            } else if (c == '"') {
                kind = Kind.QUOTED_IDENTIFIER;
                terminated = quoted('"', false);
            } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
                kind = Kind.STRING;
                position++;
                terminated = quoted('\'', true);
            } else if ((c == 'u' || c == 'U') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
                kind = peek(2) == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER;
                position += 2;
                terminated = quoted(sql.charAt(position), false);
            } else if ("bBxXnN".indexOf(c) >= 0 && peek(1) == '\'') {
                kind = Kind.STRING;
                position++;
                terminated = quoted('\'', false);
            } else if (isIdentifierStart(c)) {
                kind = Kind.WORD;
                while (position < sql.length() && isIdentifierPart(sql.charAt(position))) {
                    position++;
                }
            } else if (c == '$' && Character.isDigit(peek(1))) {
                kind = Kind.PARAMETER;
                position++;
                while (position < sql.length() && Character.isDigit(sql.charAt(position))) {
                    position++;
                }
            } else if (c == '$' && dollarTagEnd() > 0) {
                kind = Kind.DOLLAR_STRING;
                terminated = dollarQuoted();
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                kind = Kind.NUMBER;
                number();
            } else if (c == '?') {
                kind = peek(1) == '?' ? Kind.ESCAPED_QUESTION_MARK : Kind.PLACEHOLDER;
                position += kind == Kind.ESCAPED_QUESTION_MARK ? 2 : 1;
            } else if (c == ';') {
                kind = Kind.SEMICOLON;
                position++;
            } else {
                kind = Kind.SYMBOL;
                position += c == ':' && peek(1) == ':' ? 2 : 1;
            }
            add(kind, start, terminated);
        }
    }

    private void add(Kind kind, int start, boolean terminated) {
        String text = sql.substring(start, position);
        tokens.add(new SqlToken(kind, text, start, line, terminated));
        line += (int) text.chars().filter(ch -> ch == '\n').count();
    }

    private char peek(int offset) {
        int index = position + offset;
        return index >= 0 && index < sql.length() ? sql.charAt(index) : '\0';
    }

    /** Identifier characters as the server reads them: letters, {@code _} and any non-ASCII character. */
    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '\u0080';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9' || c == '$';
    }

    /** Skips a nested block comment starting at {@code position}; false if the text ends inside it. */
    private boolean blockComment() {
        int depth = 0;
        while (position < sql.length()) {
            if (sql.startsWith("/*", position)) {
                depth++;
                position += 2;
            } else if (sql.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    return true;
                }
            } else {
                position++;
            }
        }
        return false;
    }

    /** Skips a quoted token whose opening quote is at {@code position}; a doubled quote is part of it. */
    private boolean quoted(char quote, boolean backslashEscapes) {
        position++;
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (backslashEscapes && c == '\\') {
                position = Math.min(position + 2, sql.length());
            } else if (c == quote && peek(1) == quote) {
                position += 2;
            } else if (c == quote) {
                position++;
                return true;
            } else {
                position++;
            }
        }
        return false;
    }

    /** The index after the dollar-quote tag at {@code position} ({@code $$}, {@code $name$}), or -1. */
    private int dollarTagEnd() {
        int i = position + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '$') {
                return i + 1;
            }
            boolean valid = i == position + 1 ? isIdentifierStart(c) : isIdentifierStart(c) || Character.isDigit(c);
            if (!valid) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private boolean dollarQuoted() {
        int tagEnd = dollarTagEnd();
        String tag = sql.substring(position, tagEnd);
        int close = sql.indexOf(tag, tagEnd);
        position = close < 0 ? sql.length() : close + tag.length();
        return close >= 0;
    }

    /** Digits, letters and underscores (hex, octal, binary, {@code 1_000}), one decimal point, an exponent sign. */
    private void number() {
        boolean point = false;
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (Character.isLetterOrDigit(c) || c == '_') {
                position++;
            } else if (c == '.' && !point && peek(1) != '.') {
                point = true;
                position++;
            } else if ((c == '+' || c == '-') && (peek(-1) == 'e' || peek(-1) == 'E') && Character.isDigit(peek(1))) {
                position++;
            } else {
                return;
            }
        }
    }
}

package io.citustestkit.sql;

import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * One token of SQL text as {@link SqlLexer} reads it: its kind, its exact source text, and where it
 * starts. Concatenating the texts of all tokens gives the input back.
 *
 * <pre>{@code
 * SqlToken token = SqlLexer.tokenize("SELECT E'it\\'s'").get(2);
 * token.kind();   // STRING
 * token.text();   // E'it\'s'
 * token.start();  // 7
 * token.line();   // 1
 * }</pre>
 *
 * @param kind what the token is
 * @param text the token's characters, as written (quotes, prefixes and comment markers included)
 * @param start the index of its first character in the lexed text, from 0
 * @param line the line it starts on, from 1
 * @param terminated false for a string, quoted identifier, dollar-quoted body or block comment that
 *                   the text ends before closing (the token then runs to the end of the text)
 */
@API(status = INTERNAL, since = "0.1")
public record SqlToken(Kind kind, String text, int start, int line, boolean terminated) {

    /** The kinds of token. */
    public enum Kind {
        /** Spaces, tabs and line breaks. */
        WHITESPACE,
        /** {@code -- ...} up to (not including) the line break. */
        LINE_COMMENT,
        /** {@code /* ... *\/}, nested comments included. */
        BLOCK_COMMENT,
        /**
         * A string constant: {@code '...'}, {@code E'...'}, {@code U&'...'}, {@code B'...'}, {@code X'...'},
         * {@code N'...'}.
         */
        STRING,
        /** A dollar-quoted string: {@code $$...$$} or {@code $tag$...$tag$}. */
        DOLLAR_STRING,
        /** A quoted identifier: {@code "..."} or {@code U&"..."}. */
        QUOTED_IDENTIFIER,
        /** A keyword or an unquoted identifier, e.g. {@code SELECT}, {@code a$b}. */
        WORD,
        /** A numeric constant, e.g. {@code 42}, {@code 1.5e3}. */
        NUMBER,
        /** A positional parameter of the server: {@code $1}. */
        PARAMETER,
        /** A JDBC {@code ?} placeholder (the driver sends it as {@code $1, $2, ...}). */
        PLACEHOLDER,
        /** {@code ??}: the JDBC escape of a literal {@code ?} operator (the driver sends {@code ?}). */
        ESCAPED_QUESTION_MARK,
        /** {@code ;}: the end of a statement. */
        SEMICOLON,
        /** Anything else: an operator or punctuation character, or {@code ::}. */
        SYMBOL
    }

    /**
     * Creates the token.
     *
     * @param kind what the token is
     * @param text the token's characters, as written (quotes, prefixes and comment markers included)
     * @param start the index of its first character in the lexed text, from 0
     * @param line the line it starts on, from 1
     * @param terminated false for a string, quoted identifier, dollar-quoted body or block comment that the text
     *                   ends before closing (the token then runs to the end of the text)
     */
    public SqlToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** {@return the index just after its last character} */
    public int end() {
        return start + text.length();
    }

    /** {@return whether it is a comment} */
    public boolean isComment() {
        return kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
    }

    /** {@return whether it is whitespace or a comment: text the server ignores between tokens} */
    public boolean isTrivia() {
        return kind == Kind.WHITESPACE || isComment();
    }

    /**
     * Whether it is the keyword or unquoted identifier {@code word}, ignoring case.
     *
     * @param word e.g. {@code INTO}
     * @return whether it is that word
     */
    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /**
     * The identifier it names: a {@link Kind#WORD} folded to lower case as the server folds it, a
     * {@link Kind#QUOTED_IDENTIFIER} without its quotes ({@code ""} read as {@code "}).
     *
     * @return the name, or {@code null} if it is neither
     */
    public String identifier() {
        if (kind == Kind.WORD) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (kind == Kind.QUOTED_IDENTIFIER && text.startsWith("\"") && terminated) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return null;
    }

    /**
     * The text a closed string constant holds: a {@code '...'} string without its quotes ({@code ''} read as {@code '}),
     * or a dollar-quoted body without its tags.
     *
     * @return the content, or {@code null} if it is not such a string (another kind, an {@code E'...'} string, unclosed)
     */
    public String stringContent() {
        if (!terminated) {
            return null;
        }
        if (kind == Kind.DOLLAR_STRING) {
            String tag = dollarTag();
            return text.substring(tag.length(), text.length() - tag.length());
        }
        if (kind == Kind.STRING && text.startsWith("'") && text.length() >= 2) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        return null;
    }

    /** {@return the opening tag of a {@link Kind#DOLLAR_STRING}, e.g. {@code $fn$}; {@code null} for other kinds} */
    public String dollarTag() {
        return kind == Kind.DOLLAR_STRING ? text.substring(0, text.indexOf('$', 1) + 1) : null;
    }

    @Override
    public String toString() {
        return kind + "(" + text + ")";
    }
}

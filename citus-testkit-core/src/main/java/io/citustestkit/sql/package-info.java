/**
 * PostgreSQL SQL text and server errors, for every other part of the kit: one lexer
 * ({@link io.citustestkit.sql.SqlLexer}) that knows what is code and what is a string, quoted
 * identifier, dollar quote or comment; the JDBC {@code ?} placeholders it finds
 * ({@link io.citustestkit.sql.JdbcPlaceholders}); and the one rendering of a server error
 * ({@link io.citustestkit.sql.ServerError}). The bottom layer: it depends on nothing of the kit
 * but {@code io.citustestkit.commons} (and the PostgreSQL driver for its error type).
 *
 * <pre>{@code
 * SqlLexer.tokenize("SELECT $$;?$$, ?;");
 * // WORD, WHITESPACE, DOLLAR_STRING, SYMBOL, WHITESPACE, PLACEHOLDER, SEMICOLON
 * JdbcPlaceholders.count("SELECT $$;?$$, ?"); // 1
 * catch (SQLException e) {
 *     throw new IllegalStateException("Setup failed:\n" + ServerError.of(e).render(sql), e);
 * }
 * }</pre>
 */
package io.citustestkit.sql;

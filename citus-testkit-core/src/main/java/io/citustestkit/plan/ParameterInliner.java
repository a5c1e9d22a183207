package io.citustestkit.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a statement's JDBC parameters into it as SQL literals, for the one case where Citus cannot
 * EXPLAIN with bound parameters: an {@code INSERT ... SELECT} it pulls to the coordinator or
 * repartitions (Citus explains the SELECT without the parameters). Placeholders inside literals,
 * quoted identifiers, comments and dollar quotes are left alone; {@code ??} is a literal {@code ?},
 * as in the PostgreSQL driver.
 */
final class ParameterInliner {

    private ParameterInliner() {
    }

    /**
     * The statement with its parameters inlined.
     *
     * @return the SQL, or empty if a parameter has a type that has no safe literal form here
     */
    static Optional<String> inline(SqlQuery query) {
        String sql = query.sql();
        List<Object> params = query.params();
        StringBuilder out = new StringBuilder(sql.length() + 16 * params.size());
        int next = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = skipQuoted(sql, i);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else if (c == '?' && i + 1 < sql.length() && sql.charAt(i + 1) == '?') {
                out.append('?');
                i += 2;
            } else if (c == '?') {
                if (next >= params.size()) {
                    return Optional.empty();
                }
                Optional<String> literal = literal(params.get(next++));
                if (literal.isEmpty()) {
                    return Optional.empty();
                }
                out.append(literal.get());
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return next == params.size() ? Optional.of(out.toString()) : Optional.empty();
    }

    /** The index after a literal, quoted identifier, comment or dollar quote starting at {@code i}, or {@code i}. */
    private static int skipQuoted(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            boolean backslashes = c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
            int j = i + 1;
            while (j < sql.length()) {
                char d = sql.charAt(j);
                if (backslashes && d == '\\') {
                    j += 2;
                } else if (d == c && j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                    j += 2;
                } else if (d == c) {
                    return j + 1;
                } else {
                    j++;
                }
            }
            return sql.length();
        }
        if (sql.startsWith("--", i)) {
            int newline = sql.indexOf('\n', i);
            return newline < 0 ? sql.length() : newline + 1;
        }
        if (sql.startsWith("/*", i)) {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        if (c == '$') {
            int close = sql.indexOf('$', i + 1);
            if (close > i && sql.substring(i + 1, close).matches("[A-Za-z_]?[A-Za-z0-9_]*")
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                String tag = sql.substring(i, close + 1);
                int end = sql.indexOf(tag, close + 1);
                return end < 0 ? sql.length() : end + tag.length();
            }
        }
        return i;
    }

    private static Optional<String> literal(Object value) {
        if (value == null) {
            return Optional.of("NULL");
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return Optional.of("(" + value + ")");
        }
        if (value instanceof BigDecimal decimal) {
            return Optional.of("(" + decimal.toPlainString() + ")");
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? Optional.of("(" + value + ")") : Optional.empty();
        }
        if (value instanceof Boolean bool) {
            return Optional.of(bool ? "TRUE" : "FALSE");
        }
        if (value instanceof String || value instanceof Character) {
            String text = value.toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(quoted(text));
        }
        if (value instanceof UUID) {
            return Optional.of(quoted(value.toString()) + "::uuid");
        }
        if (value instanceof LocalDate || value instanceof java.sql.Date) {
            return Optional.of(quoted(value.toString()) + "::date");
        }
        if (value instanceof LocalDateTime || value instanceof java.sql.Timestamp) {
            return Optional.of(quoted(value.toString()) + "::timestamp");
        }
        if (value instanceof LocalTime || value instanceof java.sql.Time) {
            return Optional.of(quoted(value.toString()) + "::time");
        }
        if (value instanceof OffsetDateTime || value instanceof Instant) {
            return Optional.of(quoted(value.toString()) + "::timestamptz");
        }
        if (value instanceof ZonedDateTime zoned) {
            return Optional.of(quoted(zoned.toOffsetDateTime().toString()) + "::timestamptz");
        }
        return Optional.empty();
    }

    /** An escape string literal, whatever standard_conforming_strings is. */
    private static String quoted(String text) {
        return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}

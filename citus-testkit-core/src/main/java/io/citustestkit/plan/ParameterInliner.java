package io.citustestkit.plan;

import io.citustestkit.sql.JdbcPlaceholders;

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
 * repartitions (Citus explains the SELECT without the parameters). The placeholders are those the
 * PostgreSQL driver sees ({@link JdbcPlaceholders}): not inside literals, quoted identifiers, comments
 * or dollar quotes; {@code ??} is a literal {@code ?}.
 *
 * <pre>{@code
 * ParameterInliner.inline(SqlQuery.of("INSERT INTO t SELECT * FROM s WHERE a = ?", 42L));
 * // Optional[INSERT INTO t SELECT * FROM s WHERE a = (42)]
 * }</pre>
 */
final class ParameterInliner {

    private ParameterInliner() {
    }

    /**
     * The statement with its parameters inlined.
     *
     * @return the SQL, or empty if the placeholders and parameters do not match, or a parameter has a
     *         type that has no safe literal form here
     */
    static Optional<String> inline(SqlQuery query) {
        List<Object> params = query.params();
        if (JdbcPlaceholders.count(query.sql()) != params.size()) {
            return Optional.empty();
        }
        return JdbcPlaceholders.inline(query.sql(), index -> literal(params.get(index)));
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

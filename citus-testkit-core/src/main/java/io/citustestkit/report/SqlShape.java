package io.citustestkit.report;

import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;
import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The shape of a statement: its SQL with every parameter ({@code $1}, {@code ?}) and literal (strings,
 * numbers, dollar-quoted bodies) replaced by {@code ?}, comments dropped and whitespace collapsed, read
 * with the kit's {@link SqlLexer}, so statements that differ only in their values count as one.
 *
 * <pre>{@code
 * SqlShape.of("SELECT * FROM events  WHERE owner_id = $1 AND kind = 'click' -- why"); // SELECT * FROM events WHERE owner_id = ? AND kind = ?
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SqlShape {

    /** What a parameter or a literal becomes. */
    public static final String PLACEHOLDER = "?";

    private SqlShape() {
    }

    /**
     * The shape of {@code sql}.
     *
     * @param sql a statement as the coordinator received it
     * @return its text with parameters and literals as {@code ?}, without comments, on one line
     */
    public static String of(String sql) {
        StringBuilder shape = new StringBuilder(sql.length());
        boolean space = false;
        for (SqlToken token : SqlLexer.tokenize(sql)) {
            if (token.isTrivia()) {
                space = true;
                continue;
            }
            if (space && !shape.isEmpty()) {
                shape.append(' ');
            }
            space = false;
            shape.append(switch (token.kind()) {
                case STRING, DOLLAR_STRING, NUMBER, PARAMETER, PLACEHOLDER -> PLACEHOLDER;
                default -> token.text();
            });
        }
        int end = shape.length();
        while (end > 0 && shape.charAt(end - 1) == ';') {
            end--;
        }
        return shape.substring(0, end).strip();
    }
}

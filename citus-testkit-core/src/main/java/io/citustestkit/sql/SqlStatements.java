package io.citustestkit.sql;

import io.citustestkit.sql.SqlToken.Kind;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The statements of SQL text as one simple query sends them ({@code psql -c}, JDBC's simple query mode,
 * {@code Statement.execute("BEGIN; DELETE ...; COMMIT")}), split at the {@code ;} the kit's {@link SqlLexer} finds
 * outside strings, quoted identifiers, dollar-quoted bodies and comments. The server logs such text as one
 * statement; what reads that log looks at each part.
 *
 * <pre>{@code
 * SqlStatements.split("SET LOCAL app.tenant = '42'; DELETE FROM events WHERE note = ';'");
 * // ["SET LOCAL app.tenant = '42'", "DELETE FROM events WHERE note = ';'"]
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SqlStatements {

    private SqlStatements() {
    }

    /**
     * {@return each statement of {@code sql}, stripped, without the {@code ;} and without parts that hold only whitespace and comments}
     *
     * @param sql the text, as one simple query sends it
     */
    public static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        boolean content = false;
        for (SqlToken token : SqlLexer.tokenize(sql)) {
            if (token.kind() == Kind.SEMICOLON) {
                if (content) {
                    statements.add(sql.substring(start, token.start()).strip());
                }
                start = token.end();
                content = false;
            } else if (!token.isTrivia()) {
                content = true;
            }
        }
        if (content) {
            statements.add(sql.substring(start).strip());
        }
        return statements;
    }
}

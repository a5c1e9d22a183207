package io.citustestkit.schema;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * One statement of a SQL script, with where it came from.
 *
 * <pre>{@code
 * SqlStatement first = SqlScriptSplitter.split("CREATE TABLE t (id int);").get(0);
 * first.number();  // 1
 * first.line();    // 1
 * }</pre>
 *
 * @param number the statement's position in its script, starting at 1
 * @param line the line of the script on which the statement starts, starting at 1
 * @param sql the statement's text without the terminating semicolon
 */
@API(status = STABLE, since = "0.1")
public record SqlStatement(int number, int line, String sql) {

    /** {@return the first line of the statement's SQL, for messages} */
    public String firstLine() {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).stripTrailing() + " ...";
    }
}

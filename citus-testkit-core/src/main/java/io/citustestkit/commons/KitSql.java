package io.citustestkit.commons;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The mark on every statement citus-testkit itself sends (metadata reads, EXPLAIN, cleanup, set-up),
 * so that statement recording leaves the kit's own work out of what it reports.
 *
 * <pre>{@code
 * statement.executeQuery(KitSql.marked("SELECT ... FROM pg_dist_partition"));
 * KitSql.isMarked(loggedStatement); // true: not one of the application's statements
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class KitSql {

    /** The comment that marks a statement as the kit's own. */
    public static final String MARKER = "/* citus-testkit */";

    private KitSql() {
    }

    /**
     * Marks a statement at its start.
     *
     * @param sql the kit's statement
     * @return the statement behind the mark
     */
    public static String marked(String sql) {
        return MARKER + " " + sql;
    }

    /**
     * Marks a statement at its end, leaving the positions in it unchanged (for error positions).
     *
     * @param sql the kit's statement
     * @return the statement followed by the mark on a line of its own
     */
    public static String markedAtEnd(String sql) {
        return sql + "\n" + MARKER;
    }

    /**
     * Tells the kit's statements from the application's.
     *
     * @param sql a statement as the server logged it
     * @return whether it carries the mark
     */
    public static boolean isMarked(String sql) {
        return sql != null && sql.contains(MARKER);
    }
}

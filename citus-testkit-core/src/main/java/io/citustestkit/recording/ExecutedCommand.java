package io.citustestkit.recording;

/**
 * A command Citus ran for a client's statement: sent to a node ({@code citus.log_remote_commands}) or
 * run on the coordinator itself ({@code citus.log_local_commands}).
 *
 * @param node the node's host as Citus knows it ({@code worker-1}), or {@code null} when run locally
 * @param sql the command
 * @param plannedValue the distribution column value Citus routed this command for: named in the command itself
 *                     ({@link TenantAnnotation}), or else when it planned the query ("query has a single
 *                     distribution column value: 42", logged just before); {@code null} if neither
 * @param delegated whether it is a function call or {@code CALL} Citus delegated to the node ("pushing
 *                  down the function call"): its body runs there, and that worker's log tells what it ran
 * @param valueInCommand whether {@code plannedValue} is the one Citus wrote into this command (exact) rather than
 *                       one it logged while planning (which, when it planned several jobs, may be another job's)
 */
record ExecutedCommand(String node, String sql, String plannedValue, boolean delegated, boolean valueInCommand) {

    private static final String ISSUING = "issuing ";
    private static final String LOCALLY = "executing the command locally: ";
    private static final String ON_SERVER = "on server ";

    ExecutedCommand(String node, String sql) {
        this(node, sql, null, false, false);
    }

    /** The command an entry of the statement's session reports, if it reports one. */
    static ExecutedCommand of(LogEntry entry) {
        String message = entry.message();
        if (message == null || entry.isDebug()) {
            return null;
        }
        if (message.startsWith(ISSUING)) {
            return annotated(host(entry.detail()), message.substring(ISSUING.length()));
        }
        if (message.startsWith(LOCALLY)) {
            return annotated(null, message.substring(LOCALLY.length()));
        }
        return null;
    }

    private static ExecutedCommand annotated(String node, String command) {
        TenantAnnotation annotation = TenantAnnotation.of(command);
        return new ExecutedCommand(node, annotation.sql(), annotation.tenant(), false, annotation.tenant() != null);
    }

    /** {@code worker-1} of {@code on server test@worker-1:5432 connectionId: 3}. */
    static String host(String detail) {
        if (detail == null || !detail.startsWith(ON_SERVER)) {
            return "?";
        }
        String server = detail.substring(ON_SERVER.length());
        int space = server.indexOf(' ');
        server = space < 0 ? server : server.substring(0, space);
        int at = server.lastIndexOf('@');
        server = at < 0 ? server : server.substring(at + 1);
        int colon = server.lastIndexOf(':');
        return colon < 0 ? server : server.substring(0, colon);
    }

    /** The same command with the value Citus named when planning it, unless the command names its own (which is exact). */
    ExecutedCommand withPlannedValue(String value) {
        return valueInCommand ? this : new ExecutedCommand(node, sql, value, delegated, false);
    }

    /** The same command, run on {@code node}: a command a worker ran locally, named by that worker. */
    ExecutedCommand onNode(String node) {
        return new ExecutedCommand(node, sql, plannedValue, delegated, valueInCommand);
    }

    ExecutedCommand asDelegated() {
        return new ExecutedCommand(node, sql, plannedValue, true, valueInCommand);
    }

    boolean isLocal() {
        return node == null;
    }

    /** Citus's own transaction control around the tasks ({@code BEGIN ...}, {@code PREPARE TRANSACTION}, {@code COMMIT}, ...). */
    boolean isTransactionControl() {
        String text = sql.stripLeading();
        return text.startsWith("BEGIN ") || text.startsWith("PREPARE TRANSACTION") || text.startsWith("COMMIT")
                || text.startsWith("ROLLBACK") || text.startsWith("SAVEPOINT") || text.startsWith("RELEASE SAVEPOINT")
                || text.startsWith("SELECT assign_distributed_transaction_id");
    }
}

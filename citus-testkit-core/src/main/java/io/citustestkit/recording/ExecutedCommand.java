package io.citustestkit.recording;

/**
 * A command Citus ran for a client's statement: sent to a node ({@code citus.log_remote_commands}) or
 * run on the coordinator itself ({@code citus.log_local_commands}).
 *
 * @param node the node's host as Citus knows it ({@code worker-1}), or {@code null} when run locally
 * @param sql the command
 */
record ExecutedCommand(String node, String sql) {

    private static final String ISSUING = "issuing ";
    private static final String LOCALLY = "executing the command locally: ";
    private static final String ON_SERVER = "on server ";

    /** The command an entry of the statement's session reports, if it reports one. */
    static ExecutedCommand of(LogEntry entry) {
        String message = entry.message();
        if (message == null) {
            return null;
        }
        if (message.startsWith(ISSUING)) {
            return new ExecutedCommand(host(entry.detail()), message.substring(ISSUING.length()));
        }
        if (message.startsWith(LOCALLY)) {
            return new ExecutedCommand(null, message.substring(LOCALLY.length()));
        }
        return null;
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

    boolean isLocal() {
        return node == null;
    }
}

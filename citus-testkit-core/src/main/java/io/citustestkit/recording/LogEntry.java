package io.citustestkit.recording;

/**
 * One entry of the coordinator's JSON log ({@code log_destination = 'jsonlog'}): the fields the
 * recorder reads.
 *
 * @param sessionId the backend's session ({@code session_id})
 * @param severity {@code LOG}, {@code ERROR}, ...
 * @param message the primary message, e.g. {@code statement: SELECT 1} or {@code issuing SELECT ...}
 * @param detail the DETAIL, or {@code null}
 * @param applicationName the client's {@code application_name}, or {@code null}
 * @param backendType e.g. {@code client backend}
 * @param statement the statement the entry is about ({@code statement}: logged with an ERROR), or {@code null}
 * @param context the CONTEXT, e.g. {@code unnamed portal with parameters: $1 = '42'}, or {@code null}
 * @param pid the backend's process id, or {@code 0} if not logged
 */
record LogEntry(String sessionId, String severity, String message, String detail, String applicationName,
                String backendType, String statement, String context, long pid) {

    LogEntry(String sessionId, String severity, String message, String detail, String applicationName, String backendType,
             String statement, String context) {
        this(sessionId, severity, message, detail, applicationName, backendType, statement, context, 0);
    }

    LogEntry(String sessionId, String severity, String message, String detail, String applicationName, String backendType) {
        this(sessionId, severity, message, detail, applicationName, backendType, null, null);
    }

    boolean isDebug() {
        return severity != null && severity.startsWith("DEBUG");
    }

    boolean isError() {
        return "ERROR".equals(severity) || "FATAL".equals(severity);
    }
}

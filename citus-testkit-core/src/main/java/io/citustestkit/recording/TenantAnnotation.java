package io.citustestkit.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * The tenant Citus names at the start of a command it sends when {@code citus.stat_tenants_track} is on:
 * <code>/*{"cId":2,"tId":"42"}*&#47;SELECT ...</code> (the colocation group, and the distribution column value
 * the task was routed for, as the column type's text, with {@code *} and {@code /} escaped by a backslash);
 * a command of a schema-based tenant carries <code>/*{"cId":5}*&#47;</code> only. Citus writes it from the
 * task's own value when it builds the command, at execution, so a prepared statement's bound value and a
 * fast-path query's deferred pruning are named too.
 *
 * <pre>{@code
 * TenantAnnotation a = TenantAnnotation.of("/*{\"cId\":2,\"tId\":\"42\"}*" + "/SELECT 1");
 * a.tenant(); // "42"
 * a.sql();    // "SELECT 1"
 * }</pre>
 *
 * @param sql the command without the annotation
 * @param tenant the distribution column value named, or {@code null}
 */
record TenantAnnotation(String sql, String tenant) {

    private static final String PREFIX = "/*{\"cId\":";
    private static final String END = "}*/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@return {@code command} without its annotation and the tenant it names; as it is, with no tenant, if it has none} */
    static TenantAnnotation of(String command) {
        if (command == null || !command.startsWith(PREFIX)) {
            return new TenantAnnotation(command, null);
        }
        int end = endOf(command);
        if (end < 0) {
            return new TenantAnnotation(command, null);
        }
        try {
            JsonNode annotation = JSON.readTree(command.substring(2, end + 1));
            JsonNode tenant = annotation.get("tId");
            String value = tenant == null || tenant.isNull() ? null : unescapeCommentChars(tenant.asText());
            return new TenantAnnotation(command.substring(end + END.length()), value);
        } catch (IOException e) {
            return new TenantAnnotation(command, null); // not Citus's annotation: the command as it is, no tenant named
        }
    }

    /** The index where the annotation ends: the first closing brace, star and slash outside the JSON's strings. */
    private static int endOf(String command) {
        boolean inString = false;
        for (int i = 2; i < command.length(); i++) {
            char c = command.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (command.startsWith(END, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Citus's {@code UnescapeCommentChars}: drops the backslash it put before each {@code *} and {@code /}. */
    static String unescapeCommentChars(String value) {
        StringBuilder unescaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '*' || value.charAt(i + 1) == '/')) {
                continue;
            }
            unescaped.append(c);
        }
        return unescaped.toString();
    }
}

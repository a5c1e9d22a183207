package io.citustestkit.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of a PostgreSQL JSON log: one JSON object per line. A line that is not complete
 * yet (the log is being written) ends the read; {@link #consumed(String)} says how far it got.
 */
final class JsonLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLog() {
    }

    /** The complete entries of {@code text}, in order. */
    static List<LogEntry> entries(String text) {
        List<LogEntry> entries = new ArrayList<>();
        int start = 0;
        int end;
        while ((end = text.indexOf('\n', start)) >= 0) {
            String line = text.substring(start, end).strip();
            start = end + 1;
            if (line.isEmpty()) {
                continue;
            }
            entries.add(entry(line));
        }
        return entries;
    }

    /** How many characters of {@code text} form complete lines. */
    static int consumed(String text) {
        return text.lastIndexOf('\n') + 1;
    }

    private static LogEntry entry(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return new LogEntry(text(node, "session_id"), text(node, "error_severity"), text(node, "message"),
                    text(node, "detail"), text(node, "application_name"), text(node, "backend_type"),
                    text(node, "statement"), text(node, "context"),
                    node.path("pid").asLong(0));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The server's JSON log has a line that is not JSON: " + line, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

package io.citustestkit.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter values PostgreSQL logs with an extended-protocol statement, in its DETAIL:
 * {@code Parameters: $1 = '42', $2 = 'it''s', $3 = NULL} (lower case before PostgreSQL 16). Values are kept as text, in order;
 * {@code NULL} stays {@code null}.
 */
final class LoggedParameters {

    private static final String PREFIX = "parameters: ";

    private LoggedParameters() {
    }

    /**
     * The {@code parameters: ...} part of an error's CONTEXT line {@code unnamed portal with parameters: $1 = '42'}
     * (or {@code portal "C_1" with parameters: ...}), or {@code null}.
     */
    static String portalParameters(String context) {
        if (context == null) {
            return null;
        }
        for (String line : context.split("\n")) {
            int at = line.indexOf("with parameters: ");
            if (line.contains("portal") && at >= 0) {
                return line.substring(at + "with ".length());
            }
        }
        return null;
    }

    static List<String> parse(String detail) {
        List<String> values = new ArrayList<>();
        if (detail == null || !detail.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return values;
        }
        String text = detail.substring(PREFIX.length());
        int i = 0;
        while (i < text.length()) {
            int equals = text.indexOf(" = ", i);
            if (equals < 0) {
                break;
            }
            i = equals + 3;
            if (text.startsWith("NULL", i)) {
                values.add(null);
                i += 4;
            } else if (i < text.length() && text.charAt(i) == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < text.length()) {
                    char c = text.charAt(i);
                    if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                values.add(value.toString());
            } else {
                break;
            }
            if (text.startsWith(", ", i)) {
                i += 2;
            }
        }
        return values;
    }
}

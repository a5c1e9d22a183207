package io.citustestkit.recording;

import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;
import io.citustestkit.sql.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The distribution column values of the rows an {@code INSERT ... VALUES} command Citus sent to a shard
 * writes, read from the command itself: Citus writes each row's values as literals
 * ({@code INSERT INTO public.events_102015 AS citus_table_alias (owner_id, id, event_type) VALUES
 * ('42'::bigint,'1'::bigint,'login'::text), ('7'::bigint, ...)}). Anything else in the column's place
 * (a parameter, an expression, {@code DEFAULT}) and the values are not named.
 */
final class InsertedValues {

    private InsertedValues() {
    }

    /**
     * The values of {@code column} in the rows of an {@code INSERT ... VALUES} command, in order.
     *
     * @param command the command Citus ran
     * @param column the distribution column, as the catalog names it
     * @return the values, or empty if it is not such a command or a row's value is not a literal
     */
    static Optional<List<String>> of(String command, String column) {
        List<SqlToken> tokens = SqlLexer.tokenize(command).stream().filter(t -> !t.isTrivia()).toList();
        if (tokens.size() < 4 || !tokens.get(0).isWord("INSERT") || !tokens.get(1).isWord("INTO")) {
            return Optional.empty();
        }
        int i = 2;
        while (i < tokens.size() && !tokens.get(i).text().equals("(") && !tokens.get(i).isWord("VALUES")) {
            i++; // the table and its alias
        }
        if (i >= tokens.size() || !tokens.get(i).text().equals("(")) {
            return Optional.empty();
        }
        List<List<SqlToken>> columns = group(tokens, i);
        int index = -1;
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).size() == 1 && column.equals(columns.get(c).get(0).identifier())) {
                index = c;
            }
        }
        i = closing(tokens, i) + 1;
        if (index < 0 || i >= tokens.size() || !tokens.get(i).isWord("VALUES")) {
            return Optional.empty();
        }
        i++;
        List<String> values = new ArrayList<>();
        while (i < tokens.size() && tokens.get(i).text().equals("(")) {
            List<List<SqlToken>> row = group(tokens, i);
            if (row.size() != columns.size()) {
                return Optional.empty();
            }
            Optional<String> value = literal(row.get(index));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
            i = closing(tokens, i) + 1;
            if (i < tokens.size() && tokens.get(i).text().equals(",")) {
                i++;
            } else {
                break;
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }

    /** {@code '42'::bigint}, {@code (42)::bigint}, {@code 42}: the literal's text; anything else is not named. */
    private static Optional<String> literal(List<SqlToken> element) {
        int i = 0;
        boolean parenthesized = element.size() >= 3 && element.get(0).text().equals("(") && element.get(2).text().equals(")");
        SqlToken value = element.isEmpty() ? null : element.get(parenthesized ? 1 : 0);
        i = parenthesized ? 3 : 1;
        if (value == null || i < element.size() && !element.get(i).text().equals("::")) {
            return Optional.empty();
        }
        for (int j = i + 1; j < element.size(); j++) {
            SqlToken t = element.get(j);
            boolean typeName = t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_IDENTIFIER || t.kind() == Kind.NUMBER
                    || List.of(".", "(", ")", ",").contains(t.text());
            if (!typeName) {
                return Optional.empty();
            }
        }
        if (value.kind() == Kind.NUMBER) {
            return Optional.of(value.text());
        }
        String text = value.text();
        if (value.kind() == Kind.STRING && value.terminated() && text.startsWith("'")) {
            return Optional.of(text.substring(1, text.length() - 1).replace("''", "'"));
        }
        return Optional.empty();
    }

    /** The elements of the parenthesized list opening at {@code open}, split at its top-level commas. */
    private static List<List<SqlToken>> group(List<SqlToken> tokens, int open) {
        List<List<SqlToken>> elements = new ArrayList<>();
        List<SqlToken> element = new ArrayList<>();
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            if (text.equals("(") || text.equals("[")) {
                depth++;
                if (depth == 1) {
                    continue;
                }
            } else if (text.equals(")") || text.equals("]")) {
                depth--;
                if (depth == 0) {
                    elements.add(element);
                    return elements;
                }
            } else if (text.equals(",") && depth == 1) {
                elements.add(element);
                element = new ArrayList<>();
                continue;
            }
            element.add(tokens.get(i));
        }
        return List.of(); // not closed
    }

    private static int closing(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            if (text.equals("(") || text.equals("[")) {
                depth++;
            } else if (text.equals(")") || text.equals("]")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size();
    }
}

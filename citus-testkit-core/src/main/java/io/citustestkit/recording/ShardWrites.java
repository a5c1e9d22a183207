package io.citustestkit.recording;

import io.citustestkit.plan.ShardRelation;
import io.citustestkit.recording.CascadingForeignKeys.Write;
import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a command Citus sent does to a shard it names, from the command's text: Citus writes the target of
 * a modification right after its keyword ({@code DELETE FROM public.plans_102040 plans ...},
 * {@code UPDATE public.plans_102040 plans SET name = $1 ...}, {@code INSERT INTO public.plans_102040 AS citus_table_alias
 * ... ON CONFLICT ... DO UPDATE SET ...}, {@code MERGE INTO ...}), and the columns an update sets after {@code SET}.
 *
 * <pre>{@code
 * ShardWrites.of("DELETE FROM public.plans_102040 plans WHERE (id OPERATOR(pg_catalog.=) 3)", plans).writes();
 * // [DELETE]
 * ShardWrites.of("UPDATE public.plans_102040 plans SET name = $1 WHERE ...", plans).updated();
 * // [name]
 * }</pre>
 */
final class ShardWrites {

    private ShardWrites() {
    }

    /**
     * What a command does to a shard, as far as a foreign key's action on the rows that reference it can tell.
     *
     * @param writes {@code DELETE} and/or {@code UPDATE}; empty for a read, a plain insert, or a command that does not write it
     * @param updated the columns an {@code UPDATE} sets, lower case; {@code null} when they are not known (a {@code MERGE}):
     *                then every column counts
     */
    record Written(Set<Write> writes, Set<String> updated) {

        static final Written NOTHING = new Written(Set.of(), Set.of());

        boolean isEmpty() {
            return writes.isEmpty();
        }

        /** {@return what both did: their writes, and the columns either updated ({@code null} if either is not known)} */
        Written and(Written other) {
            Set<Write> all = EnumSet.noneOf(Write.class);
            all.addAll(writes);
            all.addAll(other.writes);
            Set<String> columns = null;
            if (updated != null && other.updated != null) {
                columns = new LinkedHashSet<>(updated);
                columns.addAll(other.updated);
            }
            return new Written(all, columns);
        }
    }

    /**
     * The writes of {@code command} to {@code shard} that can fire a foreign key's action on the rows that reference it.
     *
     * @return what it does to the shard; {@link Written#NOTHING} for a read, a plain insert, or a command that does not write it
     */
    static Written of(String command, ShardRelation shard) {
        List<SqlToken> tokens = SqlLexer.tokenize(command).stream().filter(t -> !t.isTrivia()).toList();
        Written written = Written.NOTHING;
        for (SqlToken token : tokens) { // a task that sends its query as text: EXPLAIN ANALYZE's worker_save_query_explain_analyze('DELETE ...')
            String text = token.kind() == SqlToken.Kind.STRING ? token.stringContent() : null;
            if (text != null && text.contains(shard.relationName())) {
                written = written.and(of(text, shard));
            }
        }
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (!tokens.get(i + 1).text().equals(".") || !shard.relationName().equals(tokens.get(i + 2).identifier())
                    || tokens.get(i).identifier() == null) {
                continue;
            }
            int before = i - 1;
            if (before >= 0 && tokens.get(before).isWord("ONLY")) {
                before--;
            }
            if (before < 0) {
                continue;
            }
            SqlToken keyword = tokens.get(before);
            SqlToken first = before > 0 ? tokens.get(before - 1) : null;
            if (keyword.isWord("UPDATE") && (first == null || !first.isWord("FOR") && !first.isWord("DO"))) {
                written = written.and(new Written(EnumSet.of(Write.UPDATE), setColumns(tokens, after(tokens, i + 3, "SET"))));
            } else if (keyword.isWord("FROM") && first != null && first.isWord("DELETE")) {
                written = written.and(new Written(EnumSet.of(Write.DELETE), Set.of()));
            } else if (keyword.isWord("INTO") && first != null && first.isWord("MERGE")) {
                written = written.and(new Written(EnumSet.of(Write.DELETE, Write.UPDATE), null));
            } else if (keyword.isWord("INTO") && first != null && first.isWord("INSERT")) {
                int doUpdate = doUpdate(tokens, i + 3);
                if (doUpdate >= 0) {
                    written = written.and(new Written(EnumSet.of(Write.UPDATE), setColumns(tokens, after(tokens, doUpdate, "SET"))));
                }
            }
        }
        return written;
    }

    /** {@return the index after the first {@code word} at or after {@code from}, or -1} */
    private static int after(List<SqlToken> tokens, int from, String word) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** {@return the index after {@code DO UPDATE} (an upsert's update) at or after {@code from}, or -1} */
    private static int doUpdate(List<SqlToken> tokens, int from) {
        for (int i = from; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("DO") && tokens.get(i + 1).isWord("UPDATE")) {
                return i + 2;
            }
        }
        return -1;
    }

    /**
     * The columns a {@code SET} list starting at {@code from} assigns: {@code a = ..., (b, c) = ...}, up to its end at this
     * level ({@code FROM}, {@code WHERE}, {@code RETURNING}, the command's end). {@return them, or {@code null} if the list
     * cannot be read}
     */
    private static Set<String> setColumns(List<SqlToken> tokens, int from) {
        if (from < 0) {
            return null;
        }
        Set<String> columns = new LinkedHashSet<>();
        int depth = 0;
        boolean expectTarget = true;
        for (int i = from; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            String text = token.text();
            if (depth == 0 && (token.isWord("FROM") || token.isWord("WHERE") || token.isWord("RETURNING") || text.equals(";")
                    || text.equals(")"))) {
                break;
            }
            if (expectTarget) {
                if (text.equals("(")) { // (b, c) = (...)
                    int close = i + 1;
                    for (; close < tokens.size() && !tokens.get(close).text().equals(")"); close++) {
                        String name = tokens.get(close).identifier();
                        if (name == null && !tokens.get(close).text().equals(",")) {
                            return null;
                        }
                        if (name != null) {
                            columns.add(name);
                        }
                    }
                    i = close;
                } else if (token.identifier() != null) {
                    columns.add(token.identifier());
                } else {
                    return null;
                }
                expectTarget = false;
                continue;
            }
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
            } else if (depth == 0 && text.equals(",")) {
                expectTarget = true;
            }
        }
        return columns.isEmpty() ? null : columns;
    }
}

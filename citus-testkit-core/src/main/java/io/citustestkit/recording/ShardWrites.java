package io.citustestkit.recording;

import io.citustestkit.plan.ShardRelation;
import io.citustestkit.recording.CascadingForeignKeys.Write;
import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a command Citus sent does to a shard it names, from the command's text: Citus writes the target of
 * a modification right after its keyword ({@code DELETE FROM public.plans_102040 plans ...},
 * {@code UPDATE public.plans_102040 plans SET ...}, {@code INSERT INTO public.plans_102040 AS citus_table_alias
 * ... ON CONFLICT ... DO UPDATE ...}, {@code MERGE INTO ...}).
 *
 * <pre>{@code
 * ShardWrites.of("DELETE FROM public.plans_102040 plans WHERE (id OPERATOR(pg_catalog.=) 3)", plans);
 * // [DELETE]
 * }</pre>
 */
final class ShardWrites {

    private ShardWrites() {
    }

    /**
     * The writes of {@code command} to {@code shard} that can fire a foreign key's action on the rows that reference it.
     *
     * @return {@code DELETE} and/or {@code UPDATE}; empty for a read, a plain insert, or a command that does not write it
     */
    static Set<Write> of(String command, ShardRelation shard) {
        List<SqlToken> tokens = SqlLexer.tokenize(command).stream().filter(t -> !t.isTrivia()).toList();
        Set<Write> writes = EnumSet.noneOf(Write.class);
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
                writes.add(Write.UPDATE);
            } else if (keyword.isWord("FROM") && first != null && first.isWord("DELETE")) {
                writes.add(Write.DELETE);
            } else if (keyword.isWord("INTO") && first != null && first.isWord("MERGE")) {
                writes.add(Write.DELETE);
                writes.add(Write.UPDATE);
            } else if (keyword.isWord("INTO") && first != null && first.isWord("INSERT") && upserts(tokens, i + 3)) {
                writes.add(Write.UPDATE);
            }
        }
        return writes;
    }

    /** Whether {@code ON CONFLICT ... DO UPDATE} follows {@code from}. */
    private static boolean upserts(List<SqlToken> tokens, int from) {
        for (int i = from; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("DO") && tokens.get(i + 1).isWord("UPDATE")) {
                return true;
            }
        }
        return false;
    }
}

package io.citustestkit.plan;

import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The shard relations a task's query names. Citus writes each shard it sends a statement to
 * schema-qualified ({@code public.events_102054}, quoted when needed), and a table it pruned away as an
 * empty subquery ({@code (SELECT NULL::bigint AS id ... WHERE false) events(id, ...)}); so a query
 * that names no {@code schema.table_shardid} reads no shard, whatever the worker's plan looks like.
 * A column qualified by its table's alias ({@code e.line_2}) looks the same; the catalog tells them
 * apart ({@link KnownShards}).
 *
 * <pre>{@code
 * ShardReferences.in("SELECT id FROM public.articles_hash_102201 articles_hash WHERE (1 = 0)");
 * // [articles_hash_102201]
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShardReferences {

    private ShardReferences() {
    }

    /**
     * The distinct shard names of a query, in order.
     *
     * @param query the statement Citus sends to a node
     * @return the {@code schema.name_<digits>} names it references: not part of a longer qualified name,
     *         not called as a function (but {@code INSERT INTO schema.name_1 (columns)} and
     *         {@code COPY schema.name_1 (columns)})
     */
    public static List<ShardRelation> in(String query) {
        List<SqlToken> tokens = SqlLexer.tokenize(query).stream().filter(t -> !t.isTrivia()).toList();
        Map<String, ShardRelation> shards = new LinkedHashMap<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            String schema = tokens.get(i).identifier();
            String name = tokens.get(i + 2).identifier();
            boolean qualified = schema != null && name != null && tokens.get(i + 1).text().equals(".");
            boolean qualifier = i > 0 && tokens.get(i - 1).text().equals(".") || isFollowedBy(tokens, i + 3, ".");
            boolean insertTarget = i > 0 && (tokens.get(i - 1).isWord("INTO") || tokens.get(i - 1).isWord("COPY"));
            boolean functionCall = isFollowedBy(tokens, i + 3, "(") && !insertTarget;
            if (!qualified || qualifier || functionCall) {
                continue;
            }
            Optional<ShardRelation> shard = ShardRelation.parse(name);
            shard.ifPresent(s -> shards.putIfAbsent(name, s));
            i += 2;
        }
        return new ArrayList<>(shards.values());
    }

    private static boolean isFollowedBy(List<SqlToken> tokens, int index, String text) {
        return index < tokens.size() && tokens.get(index).text().equals(text);
    }
}

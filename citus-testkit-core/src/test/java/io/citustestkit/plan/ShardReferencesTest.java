package io.citustestkit.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShardReferencesTest {

    @Test
    void should_find_the_shard_of_a_query_whose_filter_the_worker_folds_to_false() {
        // GIVEN the statement Citus 14.0.1 sends for SELECT * FROM articles_hash WHERE author_id = 1 AND 1 = 0
        String query = "SELECT id, author_id, title, word_count FROM public.articles_hash_102201 articles_hash"
                + " WHERE ((author_id OPERATOR(pg_catalog.=) 1) AND (1 OPERATOR(pg_catalog.=) 0))";
        // WHEN / THEN
        assertThat(ShardReferences.in(query)).containsExactly(new ShardRelation("articles_hash_102201", "articles_hash", 102201));
    }

    @Test
    void should_find_no_shard_where_citus_pruned_every_table_to_an_empty_subquery() {
        // GIVEN the placeholder task of SELECT * FROM events WHERE owner_id = 1 AND owner_id = 2
        String query = "SELECT id, owner_id FROM (SELECT NULL::bigint AS id, NULL::bigint AS owner_id WHERE false)"
                + " events(id, owner_id) WHERE ((owner_id OPERATOR(pg_catalog.=) 1) AND (owner_id OPERATOR(pg_catalog.=) 2))";
        // WHEN / THEN
        assertThat(ShardReferences.in(query)).isEmpty();
    }

    @Test
    void should_find_only_the_table_citus_did_not_prune_in_a_join() {
        String query = "SELECT ar.id, au.name FROM (public.articles_hash_102201 ar JOIN (SELECT NULL::character varying(20)"
                + " AS name, NULL::bigint AS id WHERE false) au(name, id) ON ((ar.author_id OPERATOR(pg_catalog.=) au.id)))"
                + " WHERE (ar.author_id OPERATOR(pg_catalog.=) 50)";
        assertThat(ShardReferences.in(query)).extracting(ShardRelation::relationName).containsExactly("articles_hash_102201");
    }

    @Test
    void should_find_the_target_of_an_insert_with_its_column_list_and_each_shard_once() {
        assertThat(ShardReferences.in("INSERT INTO public.events_102054 AS citus_table_alias (id, owner_id) SELECT e.id,"
                + " e.owner_id FROM public.events_102054 e, public.users_102022 u"))
                .extracting(ShardRelation::relationName).containsExactly("events_102054", "users_102022");
    }

    @Test
    void should_read_quoted_names_without_their_quotes() {
        assertThat(ShardReferences.in("SELECT 1 FROM \"My Schema\".\"Odd Events_102008\" e"))
                .containsExactly(new ShardRelation("Odd Events_102008", "Odd Events", 102008));
    }

    @Test
    void should_ignore_strings_comments_function_calls_and_longer_qualified_names() {
        String query = "SELECT 'public.events_102040', public.f_102041(1), a.b.c_102042 /* public.events_102043 */"
                + " FROM read_intermediate_result('1_1'::text, 'binary'::citus_copy_format) r(x_1 bigint)";
        assertThat(ShardReferences.in(query)).isEmpty();
    }
}

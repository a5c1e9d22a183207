package io.citustestkit.recording;

import io.citustestkit.plan.ShardRelation;
import io.citustestkit.recording.CascadingForeignKeys.Write;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a command Citus sent to a reference table's shard does to it (commands as Citus 14.0.1 sends them). */
class ShardWritesTest {

    private static final ShardRelation PLANS = ShardRelation.parse("plans_102018").orElseThrow();

    private static java.util.Set<Write> writes(String command, ShardRelation shard) {
        return ShardWrites.of(command, shard).writes();
    }

    @Test
    void should_read_the_columns_an_update_or_an_upsert_sets_and_not_know_them_for_a_merge() {
        assertThat(ShardWrites.of("UPDATE public.plans_102018 plans SET name = $1, price = (price OPERATOR(pg_catalog.*) 2) "
                + "WHERE (id OPERATOR(pg_catalog.=) $2)", PLANS).updated()).containsExactly("name", "price");
        assertThat(ShardWrites.of("UPDATE public.plans_102018 plans SET (id, \"Name\") = (SELECT 1, 'x') WHERE true", PLANS).updated())
                .containsExactly("id", "Name");
        assertThat(ShardWrites.of("INSERT INTO public.plans_102018 AS citus_table_alias (id, name) VALUES ('1'::bigint, 'a'::text) "
                + "ON CONFLICT(id) DO UPDATE SET name = excluded.name RETURNING citus_table_alias.id", PLANS).updated()).containsExactly("name");
        assertThat(ShardWrites.of("MERGE INTO public.plans_102018 plans USING (SELECT 1 AS id) s ON (plans.id = s.id) "
                + "WHEN MATCHED THEN UPDATE SET name = 'x'", PLANS).updated()).isNull();
        assertThat(ShardWrites.of("DELETE FROM public.plans_102018 plans", PLANS).and(ShardWrites.of(
                "UPDATE public.plans_102018 plans SET id = 2", PLANS))).isEqualTo(new ShardWrites.Written(
                java.util.EnumSet.of(Write.DELETE, Write.UPDATE), java.util.Set.of("id")));
    }

    @Test
    void should_read_a_delete_an_update_an_upsert_and_a_merge_of_the_shard() {
        assertThat(writes("DELETE FROM public.plans_102018 plans WHERE (id OPERATOR(pg_catalog.=) $1)", PLANS))
                .containsExactly(Write.DELETE);
        assertThat(writes("UPDATE public.plans_102018 plans SET name = $1 WHERE (id OPERATOR(pg_catalog.=) $2)", PLANS))
                .containsExactly(Write.UPDATE);
        assertThat(writes("UPDATE ONLY public.plans_102018 plans SET id = 3", PLANS)).containsExactly(Write.UPDATE);
        assertThat(writes("INSERT INTO public.plans_102018 AS citus_table_alias (id, name) VALUES ('1'::bigint, 'a'::text) "
                + "ON CONFLICT(id) DO UPDATE SET name = excluded.name", PLANS)).containsExactly(Write.UPDATE);
        assertThat(writes("MERGE INTO public.plans_102018 plans USING (SELECT 1 AS id) s ON (plans.id = s.id) "
                + "WHEN MATCHED THEN DELETE", PLANS)).containsExactly(Write.DELETE, Write.UPDATE);
        assertThat(writes("WITH gone AS (DELETE FROM public.\"plans_102018\" plans RETURNING id) SELECT count(*) FROM gone", PLANS))
                .as("quoted, in a CTE").containsExactly(Write.DELETE);
        assertThat(writes("SELECT plans FROM worker_save_query_explain_analyze('DELETE FROM public.plans_102018 plans WHERE "
                + "(id OPERATOR(pg_catalog.=) 1)', '{\"verbose\": false}') AS (field_0 bigint)", PLANS))
                .as("EXPLAIN ANALYZE sends the query as text").containsExactly(Write.DELETE);
    }

    @Test
    void should_read_nothing_for_a_read_a_plain_insert_a_lock_or_a_write_of_another_shard() {
        assertThat(writes("SELECT id, name FROM public.plans_102018 plans WHERE (id OPERATOR(pg_catalog.=) 1)", PLANS)).isEmpty();
        assertThat(writes("SELECT id FROM public.plans_102018 plans FOR UPDATE OF plans", PLANS)).isEmpty();
        assertThat(writes("INSERT INTO public.plans_102018 (id, name) VALUES ('1'::bigint, 'a'::text)", PLANS)).isEmpty();
        assertThat(writes("INSERT INTO public.plans_102018 AS citus_table_alias (id, name) VALUES (1, 'a') "
                + "ON CONFLICT(id) DO NOTHING", PLANS)).isEmpty();
        assertThat(writes("DELETE FROM public.subscriptions_102023 s USING public.plans_102018 plans WHERE (s.plan_id = plans.id)",
                PLANS)).as("the shard is only read").isEmpty();
        assertThat(writes("DELETE FROM public.plans_102019 plans", PLANS)).as("another shard").isEmpty();
    }
}

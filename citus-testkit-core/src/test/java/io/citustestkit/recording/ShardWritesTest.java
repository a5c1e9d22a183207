package io.citustestkit.recording;

import io.citustestkit.plan.ShardRelation;
import io.citustestkit.recording.CascadingForeignKeys.Write;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a command Citus sent to a reference table's shard does to it (commands as Citus 14.0.1 sends them). */
class ShardWritesTest {

    private static final ShardRelation PLANS = ShardRelation.parse("plans_102018").orElseThrow();

    @Test
    void should_read_a_delete_an_update_an_upsert_and_a_merge_of_the_shard() {
        assertThat(ShardWrites.of("DELETE FROM public.plans_102018 plans WHERE (id OPERATOR(pg_catalog.=) $1)", PLANS))
                .containsExactly(Write.DELETE);
        assertThat(ShardWrites.of("UPDATE public.plans_102018 plans SET name = $1 WHERE (id OPERATOR(pg_catalog.=) $2)", PLANS))
                .containsExactly(Write.UPDATE);
        assertThat(ShardWrites.of("UPDATE ONLY public.plans_102018 plans SET id = 3", PLANS)).containsExactly(Write.UPDATE);
        assertThat(ShardWrites.of("INSERT INTO public.plans_102018 AS citus_table_alias (id, name) VALUES ('1'::bigint, 'a'::text) "
                + "ON CONFLICT(id) DO UPDATE SET name = excluded.name", PLANS)).containsExactly(Write.UPDATE);
        assertThat(ShardWrites.of("MERGE INTO public.plans_102018 plans USING (SELECT 1 AS id) s ON (plans.id = s.id) "
                + "WHEN MATCHED THEN DELETE", PLANS)).containsExactly(Write.DELETE, Write.UPDATE);
        assertThat(ShardWrites.of("WITH gone AS (DELETE FROM public.\"plans_102018\" plans RETURNING id) SELECT count(*) FROM gone", PLANS))
                .as("quoted, in a CTE").containsExactly(Write.DELETE);
    }

    @Test
    void should_read_nothing_for_a_read_a_plain_insert_a_lock_or_a_write_of_another_shard() {
        assertThat(ShardWrites.of("SELECT id, name FROM public.plans_102018 plans WHERE (id OPERATOR(pg_catalog.=) 1)", PLANS)).isEmpty();
        assertThat(ShardWrites.of("SELECT id FROM public.plans_102018 plans FOR UPDATE OF plans", PLANS)).isEmpty();
        assertThat(ShardWrites.of("INSERT INTO public.plans_102018 (id, name) VALUES ('1'::bigint, 'a'::text)", PLANS)).isEmpty();
        assertThat(ShardWrites.of("INSERT INTO public.plans_102018 AS citus_table_alias (id, name) VALUES (1, 'a') "
                + "ON CONFLICT(id) DO NOTHING", PLANS)).isEmpty();
        assertThat(ShardWrites.of("DELETE FROM public.subscriptions_102023 s USING public.plans_102018 plans WHERE (s.plan_id = plans.id)",
                PLANS)).as("the shard is only read").isEmpty();
        assertThat(ShardWrites.of("DELETE FROM public.plans_102019 plans", PLANS)).as("another shard").isEmpty();
    }
}

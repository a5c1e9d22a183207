package io.citustestkit.junit5;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL both cleanup strategies send: what each mode reads and writes, and the guard that keeps a
 * catalog row of a dropped relation from failing it (Citus's regression SQL leaves such rows; the
 * blocks' behaviour on them is proven on a real cluster by {@link SeededCleanStateIT}).
 */
class CleanupStatementsTest {

    @Test
    void should_never_call_shard_name_for_a_relation_that_is_gone() {
        for (String block : new String[] {PerNodeStatements.remember(), PerNodeStatements.reset(true, true),
                PerNodeStatements.reset(false, false)}) {
            assertThat(block)
                    .contains("to_regclass(CASE WHEN c.oid IS NOT NULL THEN shard_name(s.logicalrelid, s.shardid) END)")
                    .contains("FROM pg_dist_shard s LEFT JOIN pg_class c ON c.oid = s.logicalrelid")
                    .contains("RAISE NOTICE 'citus-testkit skipped the pg_dist_shard rows of relations that no longer exist (oids %)', dangling;");
        }
    }

    @Test
    void should_truncate_only_relations_that_exist_through_the_coordinator() {
        for (String block : new String[] {CoordinatorTruncate.statement(false, false), CoordinatorTruncate.statement(true, true),
                CoordinatorTruncate.rememberStatement()}) {
            assertThat(block).contains("FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid")
                    .doesNotContain("logicalrelid::regclass::text");
        }
    }

    @Test
    void should_leave_the_kits_schema_alone_when_emptying_the_tables() {
        assertThat(PerNodeStatements.reset(false, true)).doesNotContain(PerNodeStatements.SCHEMA)
                .contains("PERFORM setval(item.seq, item.start, false);");
        assertThat(CoordinatorTruncate.statement(false, true)).doesNotContain(CoordinatorTruncate.SCHEMA)
                .contains("RESTART IDENTITY CASCADE");
    }

    @Test
    void should_copy_back_only_the_shards_a_test_changed_when_restoring() {
        String block = PerNodeStatements.reset(true, false);

        assertThat(block).contains("LEFT JOIN citus_testkit_seed.shards k ON k.shardid = local.shardid AND k.copy IS NOT NULL")
                .contains("SELECT count(*) = %s AND coalesce(bool_and(xmin = %L::xid), false) FROM %s")
                .contains("INSERT INTO %s (%s) OVERRIDING SYSTEM VALUE SELECT %s FROM %s")
                .contains("UPDATE citus_testkit_seed.shards SET restored = xid(pg_current_xact_id()) WHERE shardid = ANY (rewritten);")
                .doesNotContain("setval");
    }

    @Test
    void should_reset_sequences_to_the_remembered_values_when_restoring_and_restarting() {
        assertThat(PerNodeStatements.reset(true, true))
                .contains("LEFT JOIN citus_testkit_seed.node_sequences r ON r.seq = d.objid")
                .contains("PERFORM setval(item.seq, item.last_value, item.is_called);");
        assertThat(CoordinatorTruncate.statement(true, true))
                .contains("FROM citus_testkit_seed.sequences r JOIN pg_class c ON c.oid = r.seq")
                .contains("PERFORM setval(item.seq, item.last_value, item.is_called);");
    }

    @Test
    void should_keep_the_kits_schema_local_when_remembering() {
        for (String block : new String[] {PerNodeStatements.remember(), CoordinatorTruncate.rememberStatement()}) {
            assertThat(block).contains("PERFORM set_config('citus.enable_ddl_propagation', 'off', true);")
                    .contains("PERFORM set_config('citus.enable_schema_based_sharding', 'off', true);")
                    .contains("CREATE SCHEMA IF NOT EXISTS citus_testkit_seed;")
                    .contains("a.attgenerated = ''");
        }
    }

    @Test
    void should_insert_referenced_tables_first_through_the_coordinator() {
        assertThat(CoordinatorTruncate.statement(true, false))
                .contains("PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);")
                .contains("ORDER BY b.depth DESC, t.relid");
    }
}

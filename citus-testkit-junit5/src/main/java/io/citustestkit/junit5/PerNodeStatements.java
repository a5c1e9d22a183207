package io.citustestkit.junit5;

/**
 * The {@code DO} blocks {@link PerNodeCleanup} runs on every node: one that remembers the rows the
 * schema left in the shards the node holds, and one that brings those shards back to them (or empties
 * them).
 *
 * <p>What a node remembers lives in the kit's own schema on that node, {@value #SCHEMA}, created with
 * Citus's DDL propagation off (so it stays a plain local schema, never a distributed one): a copy of
 * each shard that held rows ({@code shard_<shardid>}), a list of the shards seen ({@code shards}, with
 * the columns to copy and the transaction that last wrote the shard) and the value of each sequence a
 * Citus table owns ({@code node_sequences}). A reset finds a shard unchanged when it holds as many rows
 * as its copy and every one was written by the reset that last restored it ({@code xmin}); only changed
 * shards are deleted and copied back. Rows of {@code pg_dist_shard} whose relation no longer exists
 * (Citus's own regression SQL leaves such rows) are skipped, and a notice names them.
 *
 * <pre>{@code
 * statement.execute(PerNodeStatements.remember());
 * statement.execute(PerNodeStatements.reset(true, false));
 * }</pre>
 */
final class PerNodeStatements {

    /** The kit's schema on every node, holding what the schema left. */
    static final String SCHEMA = "citus_testkit_seed";

    /** Shards above this size are truncated (a new, empty file) instead of having their rows deleted. */
    static final long TRUNCATE_ABOVE_BYTES = 1024 * 1024;

    /** This node's shards, with the relation of each (NULL when not on this node); never calls shard_name on a dropped relation. */
    private static final String LOCAL_SHARDS = """
            SELECT s.shardid,
                   to_regclass(CASE WHEN c.oid IS NOT NULL THEN shard_name(s.logicalrelid, s.shardid) END) AS shard
              FROM pg_dist_shard s LEFT JOIN pg_class c ON c.oid = s.logicalrelid""";

    /** Says, as a notice, which relations {@code pg_dist_shard} still names although they no longer exist. */
    private static final String DANGLING = """
                SELECT string_agg(DISTINCT s.logicalrelid::oid::text, ', ') INTO dangling
                  FROM pg_dist_shard s WHERE NOT EXISTS (SELECT FROM pg_class c WHERE c.oid = s.logicalrelid);
                IF dangling IS NOT NULL THEN
                    PERFORM set_config('client_min_messages', 'notice', true);
                    RAISE NOTICE 'citus-testkit skipped the pg_dist_shard rows of relations that no longer exist (oids %)', dangling;
                    PERFORM set_config('client_min_messages', 'warning', true);
                END IF;
            """;

    private PerNodeStatements() {
    }

    /**
     * The block that remembers the shards this node holds and has not seen before: a copy of each one
     * with rows, and the value of each sequence not yet remembered. Shards seen before are left as
     * they were remembered.
     */
    static String remember() {
        return """
                DO $citus_testkit$
                DECLARE
                    item record;
                    dangling text;
                    seeded bigint;
                    cols text;
                    copy text;
                    last bigint;
                    called boolean;
                BEGIN
                    PERFORM set_config('lock_timeout', '%1$s', true);
                    PERFORM set_config('client_min_messages', 'warning', true);
                    PERFORM set_config('citus.enable_ddl_propagation', 'off', true);
                    PERFORM set_config('citus.enable_schema_based_sharding', 'off', true);
                    CREATE SCHEMA IF NOT EXISTS %2$s;
                    CREATE TABLE IF NOT EXISTS %2$s.shards (
                        shardid bigint PRIMARY KEY, copy text, columns text, seeded_rows bigint NOT NULL, restored xid);
                    CREATE TABLE IF NOT EXISTS %2$s.node_sequences (
                        seq oid PRIMARY KEY, last_value bigint NOT NULL, is_called boolean NOT NULL);
                %3$s    FOR item IN
                        SELECT local.shardid, local.shard, pg_relation_size(local.shard) AS bytes
                          FROM (%4$s) local
                         WHERE local.shard IS NOT NULL
                           AND NOT EXISTS (SELECT FROM %2$s.shards k WHERE k.shardid = local.shardid)
                    LOOP
                        seeded := 0;
                        copy := NULL;
                        cols := NULL;
                        IF item.bytes > 0 THEN
                            EXECUTE 'SELECT count(*) FROM ' || item.shard INTO seeded;
                        END IF;
                        IF seeded > 0 THEN
                            SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
                              FROM pg_attribute a
                             WHERE a.attrelid = item.shard AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
                            copy := '%2$s.shard_' || item.shardid;
                            EXECUTE 'DROP TABLE IF EXISTS ' || copy;
                            EXECUTE 'CREATE TABLE ' || copy || ' AS SELECT ' || cols || ' FROM ' || item.shard;
                        END IF;
                        INSERT INTO %2$s.shards (shardid, copy, columns, seeded_rows) VALUES (item.shardid, copy, cols, seeded);
                    END LOOP;
                    FOR item IN
                        SELECT DISTINCT d.objid::regclass AS seq
                          FROM pg_depend d
                         WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                           AND d.deptype IN ('a', 'i')
                           AND d.refobjid IN (SELECT logicalrelid FROM pg_dist_partition)
                           AND EXISTS (SELECT FROM pg_sequence q WHERE q.seqrelid = d.objid)
                           AND NOT EXISTS (SELECT FROM %2$s.node_sequences r WHERE r.seq = d.objid)
                    LOOP
                        EXECUTE 'SELECT last_value, is_called FROM ' || item.seq INTO last, called;
                        INSERT INTO %2$s.node_sequences (seq, last_value, is_called) VALUES (item.seq, last, called);
                    END LOOP;
                END
                $citus_testkit$""".formatted(TableCleaner.LOCK_TIMEOUT, SCHEMA, DANGLING, LOCAL_SHARDS);
    }

    /**
     * The block that resets the shards this node holds.
     *
     * @param restore bring remembered shards back to their rows (else: empty every shard)
     * @param restartSequences also reset the sequences Citus tables own: to the remembered value when
     *                         restoring and one was remembered, else to their start
     */
    static String reset(boolean restore, boolean restartSequences) {
        String shards = restore ? """
                        SELECT local.shardid, local.shard, pg_relation_size(local.shard) AS bytes,
                               k.copy, k.columns, k.seeded_rows, k.restored
                          FROM (%s) local
                          LEFT JOIN %s.shards k ON k.shardid = local.shardid AND k.copy IS NOT NULL
                         WHERE local.shard IS NOT NULL""".formatted(LOCAL_SHARDS, SCHEMA) : """
                        SELECT local.shardid, local.shard, pg_relation_size(local.shard) AS bytes,
                               NULL::text AS copy, NULL::text AS columns, 0::bigint AS seeded_rows, NULL::xid AS restored
                          FROM (%s) local
                         WHERE local.shard IS NOT NULL""".formatted(LOCAL_SHARDS);
        String sequenceValues = restore
                ? "LEFT JOIN " + SCHEMA + ".node_sequences r ON r.seq = d.objid"
                : "LEFT JOIN (SELECT NULL::oid AS seq, NULL::bigint AS last_value, NULL::boolean AS is_called) r ON false";
        String sequences = !restartSequences ? "" : """
                    FOR item IN
                        SELECT DISTINCT d.objid::regclass AS seq, q.seqstart AS start, r.last_value, r.is_called
                          FROM pg_depend d JOIN pg_sequence q ON q.seqrelid = d.objid
                          %s
                         WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                           AND d.deptype IN ('a', 'i')
                           AND d.refobjid IN (SELECT logicalrelid FROM pg_dist_partition)
                    LOOP
                        IF item.last_value IS NOT NULL THEN
                            PERFORM setval(item.seq, item.last_value, item.is_called);
                        ELSE
                            PERFORM setval(item.seq, item.start, false);
                        END IF;
                    END LOOP;
                """.formatted(sequenceValues);
        String markRestored = !restore ? "" : """
                    IF array_length(rewritten, 1) > 0 THEN
                        UPDATE %s.shards SET restored = xid(pg_current_xact_id()) WHERE shardid = ANY (rewritten);
                    END IF;
                """.formatted(SCHEMA);
        String ensureSeed = !restore ? "" : """
                    IF to_regclass('%1$s.shards') IS NULL THEN
                        RAISE EXCEPTION 'citus-testkit never remembered the rows of this node (no table %1$s.shards)';
                    END IF;
                """.formatted(SCHEMA);
        return """
                DO $citus_testkit$
                DECLARE
                    item record;
                    dangling text;
                    large text;
                    unchanged boolean;
                    restores text[] := '{}';
                    rewritten bigint[] := '{}';
                BEGIN
                    PERFORM set_config('lock_timeout', '%1$s', true);
                    PERFORM set_config('client_min_messages', 'warning', true);
                    PERFORM set_config('citus.enable_manual_changes_to_shards', 'on', true);
                    PERFORM set_config('session_replication_role', 'replica', true);
                %2$s%3$s    FOR item IN EXECUTE $shards$%4$s$shards$
                    LOOP
                        IF item.copy IS NOT NULL THEN
                            unchanged := false;
                            IF item.restored IS NOT NULL THEN
                                EXECUTE format('SELECT count(*) = %%s AND coalesce(bool_and(xmin = %%L::xid), false) FROM %%s',
                                               item.seeded_rows, item.restored, item.shard) INTO unchanged;
                            END IF;
                            IF NOT unchanged THEN
                                IF item.bytes > 0 THEN
                                    EXECUTE 'DELETE FROM ' || item.shard;
                                END IF;
                                restores := restores || format('INSERT INTO %%s (%%s) OVERRIDING SYSTEM VALUE SELECT %%s FROM %%s',
                                                               item.shard, item.columns, item.columns, item.copy);
                                rewritten := rewritten || item.shardid;
                            END IF;
                        ELSIF item.bytes > %5$d THEN
                            large := concat_ws(', ', large, item.shard::text);
                        ELSIF item.bytes > 0 THEN
                            EXECUTE 'DELETE FROM ' || item.shard;
                        END IF;
                    END LOOP;
                    IF large IS NOT NULL THEN
                        EXECUTE 'TRUNCATE ' || large || ' CASCADE';
                    END IF;
                    FOR i IN 1 .. coalesce(array_length(restores, 1), 0) LOOP
                        EXECUTE restores[i];
                    END LOOP;
                %6$s%7$sEND
                $citus_testkit$""".formatted(TableCleaner.LOCK_TIMEOUT, ensureSeed, DANGLING, shards, TRUNCATE_ABOVE_BYTES,
                markRestored, sequences);
    }
}

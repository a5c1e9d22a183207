package io.citustestkit.junit5;

import io.citustestkit.commons.KitSql;
import io.citustestkit.commons.CitusTestkitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * Cleans through the coordinator, the way that works on any Citus cluster: one
 * {@code TRUNCATE t1, t2, ... CASCADE} over the tables of {@code pg_dist_partition}, built and run by a
 * {@code DO} block in one round trip, so tables created or dropped by a test are always included; when
 * restoring, the rows the schema left are then inserted again from copies on the coordinator (tables
 * that others reference first; one connection per node, as Citus requires for foreign keys to
 * reference tables within one transaction). Citus truncates every shard of every table, one after the other per
 * worker, so the cost grows with the number of shards (about 1 ms each), and with the remembered rows.
 * Rows of {@code pg_dist_partition} whose relation no longer exists are skipped, with a notice.
 *
 * <p>The copies live in the kit's schema {@value #SCHEMA} on the coordinator, created with Citus's DDL
 * propagation off (a plain local schema); {@link #close()} drops them when the cleaner was made to
 * {@code forgetOnClose} (an existing cluster, which outlives the run).
 *
 * <pre>{@code
 * CoordinatorTruncate cleaner = new CoordinatorTruncate(dataSource, true);
 * cleaner.remember("after the schema was applied");
 * cleaner.clean(true, false, "after EventTest.should_store_an_event()");
 * }</pre>
 */
final class CoordinatorTruncate implements TableCleaner {

    /** The kit's schema on the coordinator, holding what the schema left. */
    static final String SCHEMA = PerNodeStatements.SCHEMA;

    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorTruncate.class);

    private static final String DANGLING = """
                SELECT string_agg(p.logicalrelid::oid::text, ', ') INTO dangling
                  FROM pg_dist_partition p WHERE NOT EXISTS (SELECT FROM pg_class c WHERE c.oid = p.logicalrelid);
                IF dangling IS NOT NULL THEN
                    PERFORM set_config('client_min_messages', 'notice', true);
                    RAISE NOTICE 'citus-testkit skipped the pg_dist_partition rows of relations that no longer exist (oids %)', dangling;
                    PERFORM set_config('client_min_messages', 'warning', true);
                END IF;
            """;

    private final DataSource dataSource;
    private final boolean forgetOnClose;

    CoordinatorTruncate(DataSource dataSource) {
        this(dataSource, false);
    }

    /**
     * @param forgetOnClose whether {@link #close()} drops the copies the cleaner made (for a cluster that outlives the run)
     */
    CoordinatorTruncate(DataSource dataSource, boolean forgetOnClose) {
        this.dataSource = dataSource;
        this.forgetOnClose = forgetOnClose;
    }

    /** The block that remembers the rows of every Citus table not remembered yet, and its sequences' values. */
    static String rememberStatement() {
        return """
                DO $citus_testkit$
                DECLARE
                    item record;
                    dangling text;
                    has_rows boolean;
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
                    CREATE TABLE IF NOT EXISTS %2$s.tables (relid oid PRIMARY KEY, copy text, columns text);
                    CREATE TABLE IF NOT EXISTS %2$s.sequences (seq oid PRIMARY KEY, last_value bigint NOT NULL, is_called boolean NOT NULL);
                %3$s    FOR item IN
                        SELECT c.oid AS relid, c.oid::regclass AS rel
                          FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
                         WHERE NOT EXISTS (SELECT FROM %2$s.tables t WHERE t.relid = c.oid)
                    LOOP
                        copy := NULL;
                        cols := NULL;
                        EXECUTE 'SELECT EXISTS (SELECT 1 FROM ' || item.rel || ')' INTO has_rows;
                        IF has_rows THEN
                            SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
                              FROM pg_attribute a
                             WHERE a.attrelid = item.relid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
                            copy := '%2$s.table_' || item.relid;
                            EXECUTE 'DROP TABLE IF EXISTS ' || copy;
                            EXECUTE 'CREATE TABLE ' || copy || ' AS SELECT ' || cols || ' FROM ' || item.rel;
                        END IF;
                        INSERT INTO %2$s.tables (relid, copy, columns) VALUES (item.relid, copy, cols);
                    END LOOP;
                    FOR item IN
                        SELECT DISTINCT d.objid::regclass AS seq
                          FROM pg_depend d
                         WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                           AND d.deptype IN ('a', 'i')
                           AND d.refobjid IN (SELECT logicalrelid FROM pg_dist_partition)
                           AND EXISTS (SELECT FROM pg_sequence q WHERE q.seqrelid = d.objid)
                           AND NOT EXISTS (SELECT FROM %2$s.sequences r WHERE r.seq = d.objid)
                    LOOP
                        EXECUTE 'SELECT last_value, is_called FROM ' || item.seq INTO last, called;
                        INSERT INTO %2$s.sequences (seq, last_value, is_called) VALUES (item.seq, last, called);
                    END LOOP;
                END
                $citus_testkit$""".formatted(LOCK_TIMEOUT, SCHEMA, DANGLING);
    }

    /** The statement that truncates every Citus table, restarting the owned sequences or not. */
    static String statement(boolean restartSequences) {
        return statement(false, restartSequences);
    }

    /**
     * The block that truncates every Citus table and, when restoring, inserts the remembered rows again
     * (referenced tables first) and resets sequences to their remembered values.
     */
    static String statement(boolean restore, boolean restartSequences) {
        String restoreRows = !restore ? "" : """
                    IF to_regclass('%1$s.tables') IS NULL THEN
                        RAISE EXCEPTION 'citus-testkit never remembered the rows of the Citus tables (no table %1$s.tables)';
                    END IF;
                    FOR item IN
                        WITH RECURSIVE below (relid, depth) AS (
                            SELECT t.relid, 0 FROM %1$s.tables t WHERE t.copy IS NOT NULL
                            UNION ALL
                            SELECT k.confrelid, b.depth + 1
                              FROM below b JOIN pg_constraint k ON k.conrelid = b.relid AND k.contype = 'f' AND k.confrelid <> k.conrelid
                             WHERE b.depth < 16)
                        SELECT t.relid::regclass AS rel, t.copy, t.columns
                          FROM %1$s.tables t
                          JOIN pg_dist_partition p ON p.logicalrelid = t.relid
                          JOIN (SELECT relid, max(depth) AS depth FROM below GROUP BY relid) b ON b.relid = t.relid
                         WHERE t.copy IS NOT NULL
                         ORDER BY b.depth DESC, t.relid
                    LOOP
                        EXECUTE format('INSERT INTO %%s (%%s) OVERRIDING SYSTEM VALUE SELECT %%s FROM %%s',
                                       item.rel, item.columns, item.columns, item.copy);
                    END LOOP;
                """.formatted(SCHEMA);
        String restoreSequences = !(restore && restartSequences) ? "" : """
                    FOR item IN
                        SELECT r.seq::regclass AS seq, r.last_value, r.is_called
                          FROM %s.sequences r JOIN pg_class c ON c.oid = r.seq
                    LOOP
                        PERFORM setval(item.seq, item.last_value, item.is_called);
                    END LOOP;
                """.formatted(SCHEMA);
        String sequential = !restore ? "" : """
                    PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
                """;
        return """
                DO $citus_testkit$
                DECLARE
                    item record;
                    dangling text;
                    tables text;
                BEGIN
                    PERFORM set_config('lock_timeout', '%s', true);
                    PERFORM set_config('client_min_messages', 'warning', true);
                %s%s    SELECT string_agg(c.oid::regclass::text, ', ') INTO tables
                      FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid;
                    IF tables IS NOT NULL THEN
                        EXECUTE 'TRUNCATE ' || tables || '%s CASCADE';
                    END IF;
                %s%sEND
                $citus_testkit$""".formatted(LOCK_TIMEOUT, sequential, DANGLING, restartSequences ? " RESTART IDENTITY" : "",
                restoreRows, restoreSequences);
    }

    /** The block that drops what {@link #rememberStatement()} made, and the kit's schema when nothing else is left in it. */
    static String forgetStatement() {
        return """
                DO $citus_testkit$
                DECLARE
                    item record;
                BEGIN
                    PERFORM set_config('client_min_messages', 'warning', true);
                    PERFORM set_config('citus.enable_ddl_propagation', 'off', true);
                    IF to_regclass('%1$s.tables') IS NOT NULL THEN
                        FOR item IN SELECT copy FROM %1$s.tables WHERE copy IS NOT NULL LOOP
                            EXECUTE 'DROP TABLE IF EXISTS ' || item.copy;
                        END LOOP;
                    END IF;
                    DROP TABLE IF EXISTS %1$s.tables, %1$s.sequences;
                    IF NOT EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '%1$s') THEN
                        DROP SCHEMA IF EXISTS %1$s;
                    END IF;
                END
                $citus_testkit$""".formatted(SCHEMA);
    }

    @Override
    public void remember(String when) {
        run(rememberStatement(), "Could not remember the rows of the Citus tables " + when);
    }

    @Override
    public void clean(boolean restore, boolean restartSequences, String when) {
        run(statement(restore, restartSequences),
                (restore ? "Could not restore the Citus tables to the rows the schema left " : "Could not empty the Citus tables ") + when);
    }

    /**
     * Drops the copies on the coordinator (an earlier run's, on an existing cluster).
     *
     * @throws CitusTestkitException with the server's message
     */
    void forget() {
        run(forgetStatement(), "Could not drop the copies in the kit's schema " + SCHEMA);
    }

    /** Drops the copies on the coordinator when made to forget on close; a failure is logged, never thrown. */
    @Override
    public void close() {
        if (!forgetOnClose) {
            return;
        }
        try {
            forget();
        } catch (CitusTestkitException e) {
            LOG.warn("{}; drop it by hand: DROP SCHEMA {} CASCADE", e.getMessage(), SCHEMA);
        }
    }

    private void run(String block, String failure) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(KitSql.marked(block));
            for (SQLWarning notice = statement.getWarnings(); notice != null; notice = notice.getNextWarning()) {
                LOG.debug("{}", notice.getMessage());
            }
        } catch (SQLException e) {
            throw new CitusTestkitException(failure + ": " + e.getMessage() + TableCleaner.hintFor(e.getSQLState()), e);
        }
    }
}

package io.citustestkit.junit5;

import io.citustestkit.commons.KitSql;
import io.citustestkit.commons.CitusTestkitException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Cleans through the coordinator, the way that works on any Citus cluster: one
 * {@code TRUNCATE t1, t2, ... CASCADE} over the tables of {@code pg_dist_partition}, built and run by a
 * {@code DO} block in one round trip, so tables created or dropped by a test are always included.
 * Citus truncates every shard of every table, one after the other per worker, so the cost grows with
 * the number of shards (about 1 ms each). The default for every cluster.
 *
 * <pre>{@code
 * new CoordinatorTruncate(dataSource).clean(false, "after EventTest.should_store_an_event()");
 * }</pre>
 */
final class CoordinatorTruncate implements TableCleaner {

    private final DataSource dataSource;

    CoordinatorTruncate(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The statement that truncates every Citus table, restarting the owned sequences or not. */
    static String statement(boolean restartSequences) {
        return """
                DO $citus_testkit$
                DECLARE
                    tables text;
                BEGIN
                    PERFORM set_config('lock_timeout', '%s', true);
                    PERFORM set_config('client_min_messages', 'warning', true);
                    SELECT string_agg(logicalrelid::regclass::text, ', ') INTO tables FROM pg_dist_partition;
                    IF tables IS NOT NULL THEN
                        EXECUTE 'TRUNCATE ' || tables || '%s CASCADE';
                    END IF;
                END
                $citus_testkit$""".formatted(LOCK_TIMEOUT, restartSequences ? " RESTART IDENTITY" : "");
    }

    @Override
    public void clean(boolean restartSequences, String when) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(KitSql.marked(statement(restartSequences)));
        } catch (SQLException e) {
            throw new CitusTestkitException("Could not empty the Citus tables " + when + ": " + e.getMessage()
                    + TableCleaner.hintFor(e.getSQLState()), e);
        }
    }
}

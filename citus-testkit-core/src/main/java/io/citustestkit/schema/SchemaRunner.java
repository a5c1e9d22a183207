package io.citustestkit.schema;

import io.citustestkit.commons.Stopwatch;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Applies schema scripts statement by statement on one connection, in autocommit mode, so a failure
 * names the statement that failed. Works on any connection to a Citus coordinator.
 *
 * <pre>{@code
 * try (Connection connection = dataSource.getConnection()) {
 *     SchemaRunner.apply(connection, List.of(SchemaLocation.of("classpath:schema.sql")));
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class SchemaRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRunner.class);

    private SchemaRunner() {
    }

    /**
     * Runs every statement of every script, in order.
     *
     * @param connection a connection to a Citus coordinator, in autocommit mode
     * @param scripts the scripts, in the order to apply them
     * @throws SchemaStatementException at the first statement the server rejects
     */
    public static void apply(Connection connection, List<SchemaLocation> scripts) {
        for (SchemaLocation script : scripts) {
            long started = System.nanoTime();
            try (Statement jdbc = connection.createStatement()) {
                for (SqlStatement statement : script.statements()) {
                    try {
                        jdbc.execute(statement.sql());
                    } catch (SQLException e) {
                        throw new SchemaStatementException(script.location(), statement, e);
                    }
                }
            } catch (SQLException e) {
                throw new SchemaStatementException(script.location(), new SqlStatement(0, 0, "(opening a statement)"), e);
            }
            LOG.info("Applied schema {} ({} statements) in {} ms", script.location(), script.statements().size(),
                    Stopwatch.millis(started, System.nanoTime()));
        }
    }
}

package io.citustestkit.schema;

import io.citustestkit.commons.CitusTestkitException;
import org.apiguardian.api.API;

import java.sql.SQLException;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * A statement of a schema script failed on the coordinator. The message names the script, the
 * statement's number and line, its first line of SQL, and the server's message with its DETAIL and
 * HINT, where Citus explains what it refuses and why.
 *
 * <pre>{@code
 * catch (SchemaStatementException e) {
 *     e.location();          // "classpath:schema.sql"
 *     e.statement().line();  // 12
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class SchemaStatementException extends CitusTestkitException {

    private static final long serialVersionUID = 1L;

    /** The script that holds the failed statement. */
    private final String location;
    private final transient SqlStatement statement;

    /**
     * Creates the exception.
     *
     * @param location the script that holds the statement
     * @param statement the statement the server rejected
     * @param cause the driver's exception
     */
    public SchemaStatementException(String location, SqlStatement statement, SQLException cause) {
        this(location, statement, cause, false);
    }

    private SchemaStatementException(String location, SqlStatement statement, SQLException cause, boolean clusterDiscarded) {
        super(SchemaMessages.statementFailed(location, statement, cause, clusterDiscarded), cause);
        this.location = location;
        this.statement = statement;
    }

    /** {@return the same failure, said of a cluster that was torn down because of it (during start-up)} */
    public SchemaStatementException withClusterDiscarded() {
        return new SchemaStatementException(location, statement, (SQLException) getCause(), true);
    }

    /** {@return the script that holds the failed statement} */
    public String location() {
        return location;
    }

    /** {@return the statement that failed} */
    public SqlStatement statement() {
        return statement;
    }
}

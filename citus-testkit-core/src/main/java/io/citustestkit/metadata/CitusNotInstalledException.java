package io.citustestkit.metadata;

import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.commons.KitSql;
import org.apiguardian.api.API;

import java.sql.Connection;
import java.sql.SQLException;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * The database a plan or metadata read was asked of is not a Citus database: its
 * {@code pg_extension} has no {@code citus} row. The message names the database and its JDBC URL.
 *
 * <pre>{@code
 * try {
 *     CitusMetadataReader.readTable(plainPostgres, "events");
 * } catch (CitusNotInstalledException e) {
 *     // The citus extension is not installed in database "app" (jdbc:postgresql://localhost:5432/app) ...
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class CitusNotInstalledException extends CitusTestkitException {

    private static final long serialVersionUID = 1L;

    private static final String SQL = KitSql.MARKER + " SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus'";

    private CitusNotInstalledException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The exception for a connection to a database without the citus extension.
     *
     * @param connection the connection, used only to name its database and URL
     * @param cause what revealed it (a missing Citus catalog), or {@code null}
     * @return the exception
     */
    public static CitusNotInstalledException of(Connection connection, Throwable cause) {
        return new CitusNotInstalledException("The citus extension is not installed in " + describe(connection)
                + ": pg_extension has no 'citus' row, so there is no distributed plan or Citus metadata to read."
                + " Point the DataSource or Connection at a Citus coordinator, or run CREATE EXTENSION citus"
                + " in that database (citus must be in shared_preload_libraries).", cause);
    }

    /**
     * The version of the citus extension installed in the connection's database ({@code 14.0-1}), the
     * one check of "is this a Citus database" that every part of the kit uses.
     *
     * @param connection a usable connection
     * @return the extension's version
     * @throws CitusNotInstalledException if the database has no citus extension
     * @throws SQLException if the catalog cannot be read
     */
    public static String requireInstalled(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery(KitSql.MARKER + " SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'citus'")) {
            if (!rows.next()) {
                throw of(connection, null);
            }
            return rows.getString(1);
        }
    }

    /**
     * Whether the citus extension is installed in the connection's database. Used to explain a
     * failure, not before every read.
     *
     * @param connection a usable connection
     * @return {@code true} if {@code pg_extension} has a {@code citus} row, or if that cannot be checked
     */
    public static boolean isInstalled(Connection connection) {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(SQL)) {
            return rows.next();
        } catch (SQLException cannotTell) {
            return true;
        }
    }

    /** The database and JDBC URL (without its query string, which may carry credentials). */
    static String describe(Connection connection) {
        String database = "?";
        String url = "?";
        try {
            database = connection.getCatalog();
            url = connection.getMetaData().getURL();
            int query = url.indexOf('?');
            if (query >= 0) {
                url = url.substring(0, query);
            }
        } catch (SQLException | RuntimeException ignored) {
            // best effort: the names are only for the message
        }
        return "database \"" + database + "\" (" + url + ")";
    }
}

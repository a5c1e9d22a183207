package io.citustestkit.schema;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * The migration a Flyway or Liquibase run stopped at, as far as the tool tells.
 *
 * <pre>{@code
 * catch (SchemaMigrationException e) {
 *     e.migration().version();  // "2" (Flyway) or "2-distribute-accounts::kit" (Liquibase change set id::author)
 *     e.migration().script();   // "db/flyway-broken/V2__distribute_accounts.sql"
 * }
 * }</pre>
 *
 * @param tool {@code Flyway} or {@code Liquibase}
 * @param version the Flyway version ({@code null} for a repeatable migration) or the Liquibase change set's {@code id::author}
 * @param description the Flyway description or the Liquibase change set's description, or {@code null}
 * @param script the file that holds it (path below its location, or the changelog's path), or {@code null}
 * @param line the line in the file where the failed statement starts, 0 if the tool gives none
 * @param statement the statement the server rejected, or {@code null} if the tool gives none
 */
@API(status = STABLE, since = "0.1")
public record FailedMigration(String tool, String version, String description, String script, int line, String statement) {

    /** {@return e.g. {@code Flyway migration 2 (distribute accounts)} or {@code Liquibase change set 1::kit}} */
    public String describe() {
        if (version == null && description == null && script == null) {
            return tool + " run";
        }
        String what = "Flyway".equals(tool) ? (version == null ? "Flyway repeatable migration" : "Flyway migration " + version)
                : tool + " change set " + version;
        return description == null || description.isBlank() ? what : what + " (" + description + ")";
    }
}

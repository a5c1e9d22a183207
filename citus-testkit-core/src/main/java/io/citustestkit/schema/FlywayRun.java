package io.citustestkit.schema;

import io.citustestkit.commons.Stopwatch;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * The one place that calls Flyway, loaded only once {@link SchemaTool#FLYWAY} found it on the class
 * path. Turns a failed migration into a {@link SchemaMigrationException} that names it.
 */
final class FlywayRun {

    private static final Logger LOG = LoggerFactory.getLogger(FlywayRun.class);

    private FlywayRun() {
    }

    static void migrate(FlywayMigrations source, DataSource coordinator) {
        long started = System.nanoTime();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Flyway flyway = Flyway.configure(loader != null ? loader : FlywayRun.class.getClassLoader())
                .dataSource(coordinator)
                .locations(source.locations().toArray(String[]::new))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        int applied;
        try {
            applied = flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new SchemaMigrationException(source.location(), failedMigration(e), e);
        }
        LOG.info("Applied schema {} ({} migrations) in {} ms", source.location(), applied, Stopwatch.millis(started, System.nanoTime()));
    }

    /** What Flyway says of the migration it stopped at: the migration, and the statement and line of an SQL migration. */
    static FailedMigration failedMigration(FlywayException e) {
        String version = null;
        String description = null;
        String script = null;
        int line = 0;
        String statement = null;
        for (Throwable current = e; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (current instanceof FlywayMigrateException migrate && migrate.getMigration() != null) {
                MigrationInfo info = migrate.getMigration();
                version = info.getVersion() == null ? null : info.getVersion().getVersion();
                description = info.getDescription();
                script = info.getScript();
                line = Math.max(line, migrate.getLineNumber());
            }
            if (current instanceof FlywaySqlScriptException sql) {
                line = sql.getLineNumber() > 0 ? sql.getLineNumber() : line;
                statement = sql.getStatement();
                if (script == null && sql.getResource() != null) {
                    script = sql.getResource().getFilename();
                }
            }
        }
        return new FailedMigration("Flyway", version, description, script, line, statement);
    }
}

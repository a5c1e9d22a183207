package io.citustestkit.schema;

import io.citustestkit.commons.Sha256;
import io.citustestkit.commons.Stopwatch;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.core.SQLFileChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.util.LiquibaseUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that calls Liquibase, loaded only once {@link SchemaTool#LIQUIBASE} found it on the class
 * path: parses a changelog for its fingerprint, runs {@code update}, and turns a failed change set into a
 * {@link SchemaMigrationException} that names it. Liquibase's analytics are off and its console output
 * goes to the log.
 */
final class LiquibaseRun {

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseRun.class);

    /** How Liquibase's {@code DatabaseException} quotes the statement it ran. */
    private static final Pattern FAILED_SQL = Pattern.compile("\\[Failed SQL: \\(-?\\d+\\) (.*)]\\s*$", Pattern.DOTALL);

    private LiquibaseRun() {
    }

    /** Parses the changelog and digests what it applies; see {@link LiquibaseChangelog#fingerprint()}. */
    static String fingerprint(LiquibaseChangelog source) {
        ResourceAccessor accessor = accessor(source);
        try {
            return Scope.child(scope(accessor), () -> {
                DatabaseChangeLog changelog = ChangeLogParserFactory.getInstance().getParser(source.changelog(), accessor)
                        .parse(source.changelog(), new ChangeLogParameters(), accessor);
                List<byte[]> parts = new ArrayList<>();
                parts.add(bytes("liquibase " + LiquibaseUtil.getBuildVersion()));
                parts.add(bytes(source.changelog()));
                byte[] master = content(accessor, source.changelog());
                parts.add(master);
                Set<String> parameters = new TreeSet<>(ToolSettings.parameterReferences(text(master)));
                TreeSet<String> files = new TreeSet<>();
                for (ChangeSet changeSet : changelog.getChangeSets()) {
                    files.add(changeSet.getFilePath());
                    parts.add(bytes(changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor()));
                    parts.add(bytes(String.valueOf(changeSet.generateCheckSum(ChecksumVersion.latest()))));
                    for (Change change : changeSet.getChanges()) {
                        if (change instanceof SQLFileChange sqlFile) {
                            parameters.addAll(ToolSettings.parameterReferences(sqlFileText(sqlFile)));
                        }
                    }
                }
                for (String file : files) {
                    parts.add(bytes(file));
                    byte[] content = content(accessor, file);
                    parts.add(content);
                    parameters.addAll(ToolSettings.parameterReferences(text(content)));
                }
                for (String setting : ToolSettings.liquibase(parameters, System.getProperties(), System.getenv())) {
                    parts.add(bytes(setting));
                }
                return Sha256.ofBytes(parts);
            });
        } catch (Exception e) {
            throw new IllegalArgumentException("Liquibase cannot read the changelog of schema '" + source.location() + "': "
                    + e.getMessage() + "\n  Fix the changelog or the files it includes.", e);
        }
    }

    static void update(LiquibaseChangelog source, DataSource coordinator) {
        long started = System.nanoTime();
        ResourceAccessor accessor = accessor(source);
        FailureListener listener = new FailureListener();
        try (Connection connection = coordinator.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(scope(accessor), () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, source.changelog())
                    .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener)
                    .execute());
        } catch (Exception e) {
            throw new SchemaMigrationException(source.location(), failedMigration(listener.failed, e), e);
        }
        LOG.info("Applied schema {} ({} change sets) in {} ms", source.location(), listener.ran,
                Stopwatch.millis(started, System.nanoTime()));
    }

    /** The change set Liquibase reported as failed (or none), with the statement its error quotes. */
    static FailedMigration failedMigration(ChangeSet changeSet, Throwable error) {
        String statement = null;
        for (Throwable current = error; current != null; current = current.getCause() == current ? null : current.getCause()) {
            Matcher sql = FAILED_SQL.matcher(String.valueOf(current.getMessage()));
            if (current instanceof liquibase.exception.DatabaseException && sql.find()) {
                statement = sql.group(1).strip();
            }
        }
        if (changeSet == null) {
            return new FailedMigration("Liquibase", null, null, null, 0, statement);
        }
        return new FailedMigration("Liquibase", changeSet.getId() + "::" + changeSet.getAuthor(), changeSet.getDescription(),
                changeSet.getFilePath(), 0, statement);
    }

    private static ResourceAccessor accessor(LiquibaseChangelog source) {
        ClassLoaderResourceAccessor classPath = new ClassLoaderResourceAccessor(LiquibaseChangelog.classLoader());
        if (source.directory() == null) {
            return classPath;
        }
        try {
            return new CompositeResourceAccessor(new DirectoryResourceAccessor(source.directory()), classPath);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the directory " + source.directory() + " of schema '"
                    + source.location() + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> scope(ResourceAccessor accessor) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), accessor);
        scope.put(Scope.Attr.classLoader.name(), LiquibaseChangelog.classLoader());
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put("liquibase.analytics.enabled", false);
        return scope;
    }

    private static byte[] content(ResourceAccessor accessor, String path) {
        try {
            Resource resource = accessor.get(path);
            if (resource == null || !resource.exists()) {
                return new byte[0];
            }
            try (InputStream in = resource.openInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            return bytes("(unreadable: " + e.getMessage() + ")");
        }
    }

    private static String sqlFileText(SQLFileChange sqlFile) {
        try (InputStream in = sqlFile.openSqlStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Remembers the change set that failed and counts the ones that ran. */
    private static final class FailureListener extends AbstractChangeExecListener {

        private ChangeSet failed;
        private int ran;

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database, ChangeSet.ExecType execType) {
            ran++;
        }

        @Override
        public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database, Exception exception) {
            failed = changeSet;
        }
    }
}

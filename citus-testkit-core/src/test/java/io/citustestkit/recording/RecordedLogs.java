package io.citustestkit.recording;

import io.citustestkit.metadata.ShardCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Recorded statements read from a real captured coordinator log of this module's test resources, judged
 * against that run's catalog: for tests outside this package (the report's) that need real ones.
 *
 * <pre>{@code
 * List<RecordedStatement> statements = RecordedLogs.citus14Pg18();
 * }</pre>
 */
public final class RecordedLogs {

    private RecordedLogs() {
    }

    /** {@return the statements of {@code /recording/citus-14.0.1-pg18-coordinator.jsonl} (events, 4 shards), kit's marks left out} */
    public static List<RecordedStatement> citus14Pg18() {
        String log;
        try (InputStream in = RecordedLogs.class.getResourceAsStream("/recording/citus-14.0.1-pg18-coordinator.jsonl")) {
            log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StatementLog statementLog = new StatementLog();
        statementLog.add(JsonLog.entries(log));
        ShardCatalog catalog = RecordedLogTest.catalog();
        return statementLog.statements().stream()
                .filter(statement -> !statement.sql.startsWith("SELECT 'MARK"))
                .map(statement -> ExecutionEvidence.judge(statement, catalog, table -> "owner_id"))
                .toList();
    }
}

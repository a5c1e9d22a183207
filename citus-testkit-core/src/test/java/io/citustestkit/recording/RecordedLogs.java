package io.citustestkit.recording;

import io.citustestkit.metadata.ClusterNode;
import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.ShardCatalog;
import io.citustestkit.metadata.TableKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        return judged("/recording/citus-14.0.1-pg18-coordinator.jsonl", RecordedLogTest.catalog(), "owner_id");
    }

    /**
     * The statements of a captured coordinator log, judged against that run's catalog, without the marks the
     * capture put between its cases ({@code SELECT 'MARK...'}).
     */
    static List<RecordedStatement> judged(String resource, ShardCatalog catalog, String distributionColumn) {
        StatementLog statementLog = new StatementLog();
        statementLog.add(JsonLog.entries(resource(resource)));
        return statementLog.statements().stream()
                .filter(statement -> !statement.sql.startsWith("SELECT 'MARK"))
                .map(statement -> ExecutionEvidence.judge(statement, catalog, table -> distributionColumn))
                .toList();
    }

    /**
     * The catalog of a captured run: one hash-distributed table of 4 shards from {@code firstShardId}, on worker-1
     * and worker-2 in turn, as Citus's default ranges split the hash space.
     */
    static ShardCatalog fourShards(String table, long firstShardId, int colocationId) {
        Map<Long, Shard> shards = new HashMap<>();
        String[][] ranges = {{"-2147483648", "-1073741825"}, {"-1073741824", "-1"}, {"0", "1073741823"}, {"1073741824", "2147483647"}};
        for (int i = 0; i < 4; i++) {
            long id = firstShardId + i;
            NodeAddress node = new NodeAddress(i % 2 == 0 ? "worker-1" : "worker-2", 5432);
            shards.put(id, new Shard(id, table, TableKind.DISTRIBUTED, colocationId,
                    ranges[i][0], ranges[i][1], List.of(node)));
        }
        return new ShardCatalog(shards, List.of(new ClusterNode(1, 0, new NodeAddress("coordinator", 5432))));
    }

    /**
     * The calls of {@code /recording/citus-14.0.1-pg18-delegation-*.jsonl}: {@code SELECT events_of_tenant($1)} [42],
     * {@code SELECT events_of_other($1, $2)} [42, 2], {@code SELECT events_of_tenant($1)} [42] again and
     * {@code SELECT events_everywhere($1)} [42], each delegated to worker-2 and judged by what its body ran there, as
     * worker-2's log shows it (worker-1's shows the tasks the last one sent there); a {@code CALL} with a bound parameter,
     * which Citus ran on the coordinator, comes first.
     *
     * @param unreadableWorker2 why worker-2's log cannot be read, or {@code null} to read it
     * @return the judged statements, in order
     */
    public static List<RecordedStatement> delegatedCalls(String unreadableWorker2) {
        StatementLog coordinator = new StatementLog();
        coordinator.add(JsonLog.entries(resource("/recording/citus-14.0.1-pg18-delegation-coordinator.jsonl")));
        WorkerStatements workers = new WorkerStatements(1);
        workers.add("worker-1", JsonLog.entries(resource("/recording/citus-14.0.1-pg18-delegation-worker-1.jsonl")));
        if (unreadableWorker2 != null) {
            workers.unreadable("worker-2", unreadableWorker2);
        } else {
            workers.add("worker-2", JsonLog.entries(resource("/recording/citus-14.0.1-pg18-delegation-worker-2.jsonl")));
        }
        ShardCatalog catalog = RecordedLogTest.catalog();
        return coordinator.statements().stream()
                .filter(statement -> statement.sql.startsWith("SELECT events_") || statement.sql.startsWith("CALL"))
                .map(statement -> ExecutionEvidence.judge(statement, catalog, table -> "owner_id", CascadingForeignKeys.NONE, (s, index) -> {
                    DelegatedBody body = workers.take(s, index);
                    return body != null ? body : workers.missing(s, index);
                }))
                .toList();
    }

    private static String resource(String name) {
        try (InputStream in = RecordedLogs.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

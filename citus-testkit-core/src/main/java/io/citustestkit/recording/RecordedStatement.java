package io.citustestkit.recording;

import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.plan.PlanKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement the application sent to the coordinator, and what Citus did with it: the commands it
 * ran on the nodes, hence the shards and nodes the statement touched.
 *
 * <pre>{@code
 * RecordedStatement statement = recorder.statements().all().get(0);
 * statement.sql();        // "SELECT * FROM events WHERE owner_id = $1"
 * statement.parameters(); // ["42"]
 * statement.kind();       // PlanKind.ROUTER
 * statement.shardIds();   // [102009]
 * statement.nodes();      // ["worker-1"]
 * }</pre>
 *
 * @param sql the statement as the coordinator received it (bound parameters as {@code $1, $2, ...})
 * @param parameters the bound parameter values as text, in order ({@code null} for SQL NULL)
 * @param kind how Citus ran it, judged from the commands it ran
 * @param shards the shards the commands read or wrote, by id
 * @param nodes the names of the nodes the commands ran on ({@code worker-1}, {@code coordinator}), sorted
 * @param commands the commands that touched shards (one per task), as Citus sent them
 * @param error the server's error message if the statement failed, or {@code null}
 */
public record RecordedStatement(String sql, List<String> parameters, PlanKind kind, List<Shard> shards, List<String> nodes,
                                List<String> commands, String error) {

    /**
     * Creates the recorded statement.
     *
     * @param sql the statement as the coordinator received it
     * @param parameters the bound parameter values as text
     * @param kind how Citus ran it
     * @param shards the shards its commands touched
     * @param nodes the nodes its commands ran on
     * @param commands the commands that touched shards
     * @param error the server's error message, or {@code null}
     */
    public RecordedStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(kind, "kind");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        shards = List.copyOf(shards);
        nodes = List.copyOf(nodes);
        commands = List.copyOf(commands);
    }

    /** {@return the ids of the shards the statement touched, ascending} */
    public List<Long> shardIds() {
        return shards.stream().map(Shard::shardId).sorted().toList();
    }

    /** {@return how many tasks (commands that touched shards) Citus ran for it} */
    public int tasks() {
        return commands.size();
    }

    /** {@return the server's error, if the statement failed} */
    public Optional<String> failure() {
        return Optional.ofNullable(error);
    }

    /** {@return whether it read or wrote a distributed table (hash-distributed or single-shard), not only reference or local tables} */
    public boolean touchesDistributedTables() {
        return shards.stream().anyMatch(shard -> shard.tableKind() != TableKind.REFERENCE && shard.tableKind() != TableKind.CITUS_LOCAL);
    }

    /** {@return whether it ran as one task on one node} */
    public boolean isSingleTaskOnOneNode() {
        return tasks() == 1 && nodes.size() == 1;
    }

    /** {@return the statement and its parameters on one line, e.g. {@code SELECT ... WHERE id = $1 [42]}} */
    public String describe() {
        return sql.strip() + (parameters.isEmpty() ? "" : " " + parameters);
    }

    @Override
    public String toString() {
        return describe() + " -> " + kind + ", " + tasks() + " task(s) on " + nodes;
    }
}

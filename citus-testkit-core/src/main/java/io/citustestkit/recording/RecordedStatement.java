package io.citustestkit.recording;

import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.plan.PlanKind;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
 * statement.distributionValues(); // ["42"]: the tenant Citus itself named for each task
 * }</pre>
 *
 * <p>What it cannot see is said, not guessed: {@link #unnamedValuesReason()} tells why Citus named no
 * distribution value for some task (a COPY, an INSERT ... SELECT, a query over several values), and
 * {@link #delegatedTo()} names the workers Citus delegated a function call or procedure to, whose body
 * ran there, outside the coordinator's log. The verdicts fail on both.
 *
 * @param sql the statement as the coordinator received it (bound parameters as {@code $1, $2, ...})
 * @param parameters the bound parameter values as text, in order ({@code null} for SQL NULL)
 * @param kind how Citus ran it, judged from the commands it ran
 * @param shards the shards the commands read or wrote, by id
 * @param nodes the names of the nodes the commands ran on ({@code worker-1}, {@code coordinator}), sorted
 * @param commands the commands that touched shards (one per task), as Citus sent them
 * @param error the server's error message if the statement failed (or was refused before it ran), or {@code null}
 * @param distributionValues the distribution column values Citus named for its tasks, as the server prints them, distinct,
 *                           in order: "query has a single distribution column value: 42" logged when it planned the task,
 *                           and the rows of an {@code INSERT ... VALUES} it sent to a shard
 * @param unnamedValues why Citus did not name the distribution value of some task that touched a hash-distributed
 *                      shard, or {@code null} if it named every one
 * @param delegatedTo the nodes Citus delegated a function call or procedure to ("pushing down the function call"),
 *                    whose body ran there, sorted; empty if none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RecordedStatement(String sql, List<String> parameters, PlanKind kind, List<Shard> shards, List<String> nodes,
                                List<String> commands, String error, List<String> distributionValues, String unnamedValues,
                                List<String> delegatedTo) {

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
     * @param distributionValues the distribution column values Citus named for its tasks
     * @param unnamedValues why Citus did not name the value of some task, or {@code null}
     * @param delegatedTo the nodes Citus delegated a call to
     */
    public RecordedStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(kind, "kind");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        shards = List.copyOf(shards);
        nodes = List.copyOf(nodes);
        commands = List.copyOf(commands);
        distributionValues = List.copyOf(distributionValues);
        delegatedTo = List.copyOf(delegatedTo);
    }

    /**
     * A statement whose every task touched no hash-distributed shard or was named, and that delegated nothing.
     *
     * @param sql the statement as the coordinator received it
     * @param parameters the bound parameter values as text
     * @param kind how Citus ran it
     * @param shards the shards its commands touched
     * @param nodes the nodes its commands ran on
     * @param commands the commands that touched shards
     * @param error the server's error message, or {@code null}
     */
    public RecordedStatement(String sql, List<String> parameters, PlanKind kind, List<Shard> shards, List<String> nodes,
                             List<String> commands, String error) {
        this(sql, parameters, kind, shards, nodes, commands, error, List.of(), null, List.of());
    }

    /** {@return why Citus did not name the distribution value of some task that touched a hash-distributed shard, if so} */
    public Optional<String> unnamedValuesReason() {
        return Optional.ofNullable(unnamedValues);
    }

    /** {@return whether Citus delegated a function call or procedure of it to a worker, where its body ran} */
    public boolean isDelegated() {
        return !delegatedTo.isEmpty();
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

    /**
     * Whether it read or wrote a distributed table (hash-distributed or single-shard), not only reference
     * or local tables; a call Citus delegated to a worker counts (it is colocated with a distributed table,
     * and what its body touched there is not seen).
     *
     * @return whether the verdicts judge it
     */
    public boolean touchesDistributedTables() {
        return isDelegated() || kind == PlanKind.REPARTITION
                || shards.stream().anyMatch(shard -> shard.tableKind() != TableKind.REFERENCE && shard.tableKind() != TableKind.CITUS_LOCAL);
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
        return describe() + " -> " + kind + ", " + tasks() + " task(s) on " + nodes
                + (distributionValues.isEmpty() ? "" : ", distribution values " + distributionValues)
                + (isDelegated() ? ", delegated to " + delegatedTo : "") + (error == null ? "" : ", failed: " + error);
    }
}

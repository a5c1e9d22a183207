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
 * <p>A function call or procedure Citus delegated to a worker ({@link #delegatedTo()}) is judged by what
 * its body ran there, read from that worker's log: its shards, nodes and distribution values are the
 * body's. What it cannot see is said, not guessed: {@link #unnamedValuesReason()} tells why Citus named no
 * distribution value for some task (a COPY, an INSERT ... SELECT, a query over several values), and
 * {@link #unseenWorkReason()} why some of what Citus ran for it is not known (a delegated body whose
 * worker's log is not readable or lacks a setting, a session that turned off a setting recording reads).
 * The verdicts fail on both.
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
 * @param unseenWork why some of what Citus ran for it is not known (what a delegated call's body ran on its worker, what
 *                   Citus ran in a session that turned off a setting recording reads), or {@code null} if everything is
 *                   known (a delegated body's commands, shards and values are then part of this statement's)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RecordedStatement(String sql, List<String> parameters, PlanKind kind, List<Shard> shards, List<String> nodes,
                                List<String> commands, String error, List<String> distributionValues, String unnamedValues,
                                List<String> delegatedTo, String unseenWork) {

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
     * @param unseenWork why some of what Citus ran for it is not known, or {@code null}
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
     * A statement all of whose work is known.
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
    public RecordedStatement(String sql, List<String> parameters, PlanKind kind, List<Shard> shards, List<String> nodes,
                             List<String> commands, String error, List<String> distributionValues, String unnamedValues,
                             List<String> delegatedTo) {
        this(sql, parameters, kind, shards, nodes, commands, error, distributionValues, unnamedValues, delegatedTo, null);
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
        this(sql, parameters, kind, shards, nodes, commands, error, List.of(), null, List.of(), null);
    }

    /** {@return why Citus did not name the distribution value of some task that touched a hash-distributed shard, if so} */
    public Optional<String> unnamedValuesReason() {
        return Optional.ofNullable(unnamedValues);
    }

    /**
     * {@return why some of what Citus ran for it is not known, if so: e.g. "Citus delegated the call to worker-2 (...), and
     * what its body ran there is not known: worker-2's log lacks what recording reads: log_statement is 'none', needs 'all' ..."}
     */
    public Optional<String> unseenWorkReason() {
        return Optional.ofNullable(unseenWork);
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
     * or local tables; a call Citus delegated to a worker counts (it is colocated with a distributed table), and so
     * does a statement some of whose work is not known (it cannot be ruled out).
     *
     * @return whether the verdicts judge it
     */
    public boolean touchesDistributedTables() {
        return isDelegated() || unseenWork != null || kind == PlanKind.REPARTITION
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

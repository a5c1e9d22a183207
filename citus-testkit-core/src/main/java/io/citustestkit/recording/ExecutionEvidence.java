package io.citustestkit.recording;

import io.citustestkit.metadata.ClusterNode;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.ShardCatalog;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.plan.ShardReferences;
import io.citustestkit.plan.ShardRelation;
import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Judges a client statement by what Citus ran for it: the shards its commands name (checked against
 * the catalog, so a column that merely looks like a shard name does not count), the nodes they ran on,
 * and from those, its {@link PlanKind}; the distribution value Citus named for each task that touched a
 * hash-distributed shard (or why it named none); and the calls it delegated to a worker.
 */
final class ExecutionEvidence {

    private ExecutionEvidence() {
    }

    /** Every shard id the statements' commands name, with their delegated bodies': what to read from the catalog. */
    static Set<Long> shardIdsNamedBy(List<ClientStatement> statements) {
        Set<Long> ids = new TreeSet<>();
        for (ClientStatement statement : statements) {
            for (ExecutedCommand command : statement.commands) {
                relations(command.sql()).forEach(relation -> ids.add(relation.shardId()));
            }
            for (DelegatedBody body : statement.bodies.values()) {
                for (ExecutedCommand command : body.commands()) {
                    relations(command.sql()).forEach(relation -> ids.add(relation.shardId()));
                }
            }
        }
        return ids;
    }

    /** Judges a statement whose delegated calls' bodies were not looked for (the workers' logs not read). */
    static RecordedStatement judge(ClientStatement statement, ShardCatalog catalog, Function<String, String> distributionColumn) {
        return judge(statement, catalog, distributionColumn, CascadingForeignKeys.NONE, (s, index) -> s.bodies.getOrDefault(index,
                DelegatedBody.unseen(s.commands.get(index).node(), "the workers' logs were not read")));
    }

    /**
     * Judges a statement by its commands and, for each call Citus delegated to a worker, by what the call's
     * body ran there.
     *
     * @param cascades the foreign keys with an action: a reference table's write they carry into distributed tables is not seen
     * @param bodies the body of the delegated command at an index of the statement's commands (never {@code null})
     */
    static RecordedStatement judge(ClientStatement statement, ShardCatalog catalog, Function<String, String> distributionColumn,
                                   CascadingForeignKeys cascades, BiFunction<ClientStatement, Integer, DelegatedBody> bodies) {
        Map<Integer, DelegatedBody> delegated = new LinkedHashMap<>(); // each body taken once: taking one may consume it
        for (int index = 0; index < statement.commands.size(); index++) {
            if (statement.commands.get(index).delegated()) {
                delegated.put(index, bodies.apply(statement, index));
            }
        }
        Tally tally = new Tally(statement.sql, statement.parameters, catalog, distributionColumn,
                ranSeveralJobs(statement.commands, delegated.values()));
        Set<String> delegatedTo = new TreeSet<>();
        Set<String> unseen = new LinkedHashSet<>();
        if (statement.unseen != null) {
            unseen.add(statement.unseen);
        }
        for (int index = 0; index < statement.commands.size(); index++) {
            ExecutedCommand command = statement.commands.get(index);
            String node = command.isLocal() ? coordinatorName(catalog) : command.node();
            if (!command.delegated()) {
                tally.add(command, node, false);
                continue;
            }
            delegatedTo.add(node);
            DelegatedBody body = delegated.get(index);
            boolean touched = false;
            if (body.isSeen()) {
                for (ExecutedCommand ran : body.commands()) {
                    touched |= tally.add(ran, ran.isLocal() ? node : ran.node(), true);
                }
            } else {
                unseen.add("Citus delegated the call to " + node + " (\"pushing down the function call\"), and what its body ran "
                        + "there is not known: " + body.unseen());
            }
            if (!touched) {
                tally.call(command.sql(), node); // the call itself: one task on its worker
            }
        }
        tally.referenceWrites.forEach((table, written) -> cascades.whyUnseen(table, written).ifPresent(unseen::add));
        if (!tally.gone.isEmpty()) {
            unseen.add("Citus ran it on shards the catalog no longer holds (" + String.join(", ", tally.gone) + "): they were split, "
                    + "isolated or moved before the first verdict read the catalog, so which tenants they held cannot be told; "
                    + "judge the statements before changing the shards");
        }
        PlanKind kind = !delegatedTo.isEmpty() && tally.shards.isEmpty()
                ? PlanKind.ROUTER
                : kind(List.copyOf(tally.shards.values()), tally.tasks, tally.subplans, tally.repartition);
        return new RecordedStatement(statement.sql, statement.parameters, kind, List.copyOf(tally.shards.values()),
                List.copyOf(tally.nodes), tally.commands, statement.error, List.copyOf(tally.values),
                tally.unnamed.isEmpty() ? null : String.join("; ", tally.unnamed), List.copyOf(delegatedTo),
                unseen.isEmpty() ? null : String.join("; ", unseen));
    }

    /**
     * Whether Citus ran subplans or a repartition for the statement (or a delegated body it ran): it then planned
     * several jobs before running any, and a value it logged while planning may be another job's than the next
     * command's.
     */
    private static boolean ranSeveralJobs(List<ExecutedCommand> commands, java.util.Collection<DelegatedBody> bodies) {
        List<ExecutedCommand> all = new ArrayList<>(commands);
        bodies.stream().filter(DelegatedBody::isSeen).forEach(body -> all.addAll(body.commands()));
        return all.stream().map(ExecutedCommand::sql).anyMatch(sql -> sql.contains("read_intermediate_result")
                || sql.contains("worker_partition_query_result") || sql.contains("fetch_intermediate_results"));
    }

    /** What the commands of one statement touched, added up. */
    private static final class Tally {
        final String statementSql;
        final ShardCatalog catalog;
        final Function<String, String> distributionColumn;
        final Map<Long, Shard> shards = new LinkedHashMap<>();
        final List<String> commands = new ArrayList<>();
        final Set<String> nodes = new TreeSet<>();
        final Set<String> values = new LinkedHashSet<>();
        final Set<String> unnamed = new LinkedHashSet<>();
        final Set<String> gone = new LinkedHashSet<>(); // shards of a distributed table that the catalog no longer holds
        final Map<String, ShardWrites.Written> referenceWrites = new LinkedHashMap<>(); // reference table: what was written to it
        final boolean severalJobs;
        final List<String> parameters;
        int tasks;
        boolean subplans;
        boolean repartition;

        Tally(String statementSql, List<String> parameters, ShardCatalog catalog, Function<String, String> distributionColumn,
              boolean severalJobs) {
            this.statementSql = statementSql;
            this.parameters = parameters;
            this.catalog = catalog;
            this.distributionColumn = distributionColumn;
            this.severalJobs = severalJobs;
        }

        void call(String sql, String node) {
            commands.add(sql);
            nodes.add(node);
            tasks++;
        }

        /**
         * Whether {@code relation} is named as a shard of a distributed table the catalog holds other shards of: a shard
         * split, isolated or moved (and cleaned up) after the command ran and before the catalog was read.
         */
        private boolean isShardOfDistributedTable(ShardRelation relation) {
            return catalog.shards().values().stream().anyMatch(shard -> shard.tableKind() != TableKind.REFERENCE
                    && shard.tableKind() != TableKind.CITUS_LOCAL && isOfTable(relation, shard));
        }

        /** Adds a command run on {@code node} (by a delegated body: {@code inBody}); {@return whether it touched a shard (a task)} */
        boolean add(ExecutedCommand command, String node, boolean inBody) {
            List<Shard> named = new ArrayList<>();
            for (ShardRelation relation : relations(command.sql())) {
                Optional<Shard> shard = catalog.shard(relation.shardId());
                if (shard.isEmpty()) {
                    if (isShardOfDistributedTable(relation)) {
                        gone.add(relation.relationName());
                    }
                } else if (isOfTable(relation, shard.get())) {
                    named.add(shard.get());
                    if (shard.get().tableKind() == TableKind.REFERENCE) {
                        ShardWrites.Written written = ShardWrites.of(command.sql(), relation);
                        if (!written.isEmpty()) {
                            referenceWrites.merge(shard.get().table(), written, ShardWrites.Written::and);
                        }
                    }
                }
            }
            String sql = command.sql();
            repartition |= sql.contains("worker_partition_query_result") || sql.contains("fetch_intermediate_results");
            subplans |= sql.contains("read_intermediate_result");
            if (named.isEmpty()) {
                return false;
            }
            named.forEach(shard -> shards.putIfAbsent(shard.shardId(), shard));
            call(sql, node);
            Optional<Shard> hashed = named.stream().filter(ExecutionEvidence::isHashDistributed).findFirst();
            if (hashed.isEmpty()) {
                return true;
            }
            if (command.plannedValue() != null && (command.valueInCommand() || !severalJobs)) {
                // a body's $n are its own parameters, not the client statement's
                String whyNot = NamedValueCheck.whyNot(sql, command.plannedValue(), inBody ? null : parameters,
                        // a shard the catalog does not know is taken for a hash-distributed one of no known table
                        relation -> catalog.shard(relation.shardId()).filter(shard -> isOfTable(relation, shard))
                                .map(shard -> isHashDistributed(shard) ? Optional.of(shard.table()) : Optional.<String>empty())
                                .orElse(Optional.of("")),
                        distributionColumn);
                if (whyNot == null) {
                    values.add(command.plannedValue());
                } else {
                    unnamed.add(whyNot);
                }
                return true;
            }
            if (command.plannedValue() != null) {
                unnamed.add("Citus ran subplans or a repartition for it, and a value it named while planning them "
                        + "(\"query has a single distribution column value\") cannot be tied to one of their tasks");
                return true;
            }
            Optional<List<String>> inserted = InsertedValues.of(sql, distributionColumn.apply(hashed.get().table()));
            if (inserted.isPresent()) {
                values.addAll(inserted.get());
            } else {
                unnamed.add(whyUnnamed(statementSql, sql));
            }
            return true;
        }
    }

    /**
     * The shard relations a command names, also inside its string literals: a repartitioned query's tasks
     * send the query they partition as text ({@code worker_partition_query_result('...', 'SELECT ... FROM
     * public.events_102008 events ...', ...)}).
     */
    static List<ShardRelation> relations(String command) {
        List<ShardRelation> relations = new ArrayList<>(ShardReferences.in(command));
        if (command.indexOf('\'') < 0) {
            return relations;
        }
        for (SqlToken token : SqlLexer.tokenize(command)) {
            String text = token.text();
            if (token.kind() == SqlToken.Kind.STRING && text.startsWith("'") && text.length() > 2 && token.terminated()) {
                for (ShardRelation relation : ShardReferences.in(text.substring(1, text.length() - 1).replace("''", "'"))) {
                    if (!relations.contains(relation)) {
                        relations.add(relation);
                    }
                }
            }
        }
        return relations;
    }

    /** Why Citus named no distribution value for a command that touched a hash-distributed shard. */
    static String whyUnnamed(String statement, String command) {
        String sent = command.stripLeading();
        if (sent.regionMatches(true, 0, "COPY ", 0, 5)) {
            return "Citus copied rows into the shard with COPY, and names no distribution value for copied rows";
        }
        String received = statement.stripLeading();
        if (received.regionMatches(true, 0, "INSERT", 0, 6)) {
            return "Citus names no distribution value for the rows an INSERT ... SELECT writes";
        }
        return "Citus planned the query without naming a single distribution column value (it names one, in the command it "
                + "sends or when planning, only for a query on exactly one value; an IN list, a range or a join filtered on "
                + "two values has none)";
    }

    static boolean isHashDistributed(Shard shard) {
        return shard.tableKind() == TableKind.DISTRIBUTED && shard.hasRange();
    }

    private static PlanKind kind(List<Shard> shards, int tasks, boolean subplans, boolean repartition) {
        if (repartition) {
            return PlanKind.REPARTITION;
        }
        if (shards.isEmpty()) {
            return PlanKind.LOCAL;
        }
        if (subplans) {
            return PlanKind.RECURSIVE;
        }
        boolean reference = shards.stream().anyMatch(shard -> shard.tableKind() == TableKind.REFERENCE);
        boolean distributed = shards.stream().anyMatch(
                shard -> shard.tableKind() != TableKind.REFERENCE && shard.tableKind() != TableKind.CITUS_LOCAL);
        if (!distributed) {
            return reference ? PlanKind.REFERENCE_TABLE : PlanKind.CITUS_LOCAL_TABLE;
        }
        if (tasks == 1) {
            return PlanKind.ROUTER;
        }
        return reference ? PlanKind.MULTI_SHARD_WITH_REFERENCE_JOIN : PlanKind.MULTI_SHARD;
    }

    /** Whether {@code events_102008} is a shard of the table the catalog names for that id. */
    private static boolean isOfTable(ShardRelation relation, Shard shard) {
        String table = shard.table();
        int dot = table.lastIndexOf('.');
        String name = dot < 0 ? table : table.substring(dot + 1);
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return relation.table().equals(name) || relation.relationName().startsWith(name.length() > 40 ? name.substring(0, 40) : name);
    }

    private static String coordinatorName(ShardCatalog catalog) {
        return catalog.nodes().stream().filter(ClusterNode::isCoordinator).map(node -> node.address().host()).findFirst()
                .orElse("coordinator");
    }
}

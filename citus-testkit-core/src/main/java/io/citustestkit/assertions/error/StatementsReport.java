package io.citustestkit.assertions.error;

import io.citustestkit.metadata.Shard;
import io.citustestkit.recording.RecordedStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The evidence for a verdict on recorded statements: each offending statement once, with its SQL and
 * parameters, how many times it ran, what Citus did (tasks, shards, nodes, the distribution values it
 * named, the worker it delegated a call to) and the first commands it sent (the plan excerpt of what
 * really ran).
 */
final class StatementsReport {

    private static final int COMMANDS_SHOWN = 2;
    private static final int SHARDS_SHOWN = 8;
    private static final int COMMAND_WIDTH = 160;

    private StatementsReport() {
    }

    /** The offending statements, grouped by SQL and parameters, in first-seen order. */
    static String of(List<RecordedStatement> offending, Function<RecordedStatement, String> why) {
        Map<String, List<RecordedStatement>> groups = new LinkedHashMap<>();
        for (RecordedStatement statement : offending) {
            groups.computeIfAbsent(statement.describe(), key -> new ArrayList<>()).add(statement);
        }
        StringBuilder report = new StringBuilder();
        int number = 0;
        for (List<RecordedStatement> group : groups.values()) {
            RecordedStatement statement = group.get(0);
            report.append("\n").append(++number).append(") ").append(statement.sql().strip());
            if (!statement.parameters().isEmpty()) {
                report.append("\n   parameters: ").append(statement.parameters());
            }
            report.append("\n   ran ").append(group.size()).append(group.size() == 1 ? " time" : " times")
                    .append(": ").append(statement.kind()).append(", ").append(statement.tasks())
                    .append(statement.tasks() == 1 ? " task" : " tasks").append(" on ").append(String.join(", ", statement.nodes()))
                    .append("\n   shards: ").append(statement.shards().isEmpty() ? "none named" : shards(statement.shards()));
            if (!statement.distributionValues().isEmpty()) {
                report.append("\n   distribution values: ").append(statement.distributionValues());
            }
            if (statement.isDelegated()) {
                report.append("\n   delegated to: ").append(String.join(", ", statement.delegatedTo()));
            }
            report.append("\n   ").append(why.apply(statement));
            statement.failure().ifPresent(error -> report.append("\n   it failed: ").append(error));
            List<String> commands = statement.commands();
            for (int i = 0; i < Math.min(COMMANDS_SHOWN, commands.size()); i++) {
                report.append("\n   ").append(i == 0 ? "Citus ran: " : "           ").append(shorten(commands.get(i)));
            }
            if (commands.size() > COMMANDS_SHOWN) {
                report.append("\n              (and ").append(commands.size() - COMMANDS_SHOWN).append(" more)");
            }
        }
        return report.toString();
    }

    private static String shards(List<Shard> shards) {
        String shown = shards.stream().sorted(java.util.Comparator.comparingLong(Shard::shardId)).limit(SHARDS_SHOWN)
                .map(shard -> shard.table() + " " + shard.shardId()).collect(Collectors.joining(", "));
        return shards.size() > SHARDS_SHOWN ? shown + ", ... (" + shards.size() + " in all)" : shown;
    }

    private static String shorten(String command) {
        String line = command.strip().replaceAll("\\s+", " ");
        return line.length() <= COMMAND_WIDTH ? line : line.substring(0, COMMAND_WIDTH) + "...";
    }
}

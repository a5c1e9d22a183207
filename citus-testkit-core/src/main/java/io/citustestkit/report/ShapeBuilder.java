package io.citustestkit.report;

import io.citustestkit.metadata.Shard;
import io.citustestkit.recording.RecordedStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Sums up the executions of one shape as they are added. */
final class ShapeBuilder {

    private final String sql;
    private final KindCounts kinds = new KindCounts();
    private final Set<Long> shards = new TreeSet<>();
    private final Set<String> nodes = new TreeSet<>();
    private final Set<String> tenants = new LinkedHashSet<>();
    private final Set<String> unnamed = new LinkedHashSet<>();
    private final Set<String> delegatedTo = new TreeSet<>();
    private final Set<String> tests = new LinkedHashSet<>();
    private final Map<String, String> allowed = new LinkedHashMap<>();
    private ShapeSeverity severity = ShapeSeverity.NOT_DISTRIBUTED;
    private int count;
    private int failures;
    private int minTasks = Integer.MAX_VALUE;
    private int maxTasks;
    private StatementShape.Example example;

    ShapeBuilder(String sql) {
        this.sql = sql;
    }

    void add(RecordedStatement statement, TestStatements test) {
        count++;
        if (statement.error() != null) {
            failures++;
        }
        kinds.add(statement.kind());
        ShapeSeverity its = ShapeSeverity.of(statement.kind());
        if (its.compareTo(severity) < 0) {
            severity = its;
        }
        minTasks = Math.min(minTasks, statement.tasks());
        maxTasks = Math.max(maxTasks, statement.tasks());
        for (Shard shard : statement.shards()) {
            shards.add(shard.shardId());
        }
        nodes.addAll(statement.nodes());
        tenants.addAll(statement.distributionValues());
        statement.unnamedValuesReason().ifPresent(unnamed::add);
        delegatedTo.addAll(statement.delegatedTo());
        String name = test.test();
        tests.add(name);
        if (test.allowedMultiShard() != null && its.compareTo(ShapeSeverity.ROUTER) < 0) {
            allowed.putIfAbsent(name, test.allowedMultiShard());
        }
        if (example == null) {
            example = new StatementShape.Example(statement.sql(), statement.parameters(), statement.kind(), statement.commands(),
                    statement.error(), name);
        }
    }

    StatementShape build() {
        List<StatementShape.AllowedTest> allowedTests = new ArrayList<>();
        allowed.forEach((test, reason) -> allowedTests.add(new StatementShape.AllowedTest(test, reason)));
        return new StatementShape(sql, severity, count, failures, kinds.toMap(), minTasks, maxTasks, List.copyOf(shards),
                List.copyOf(nodes), List.copyOf(tenants), List.copyOf(unnamed), List.copyOf(delegatedTo), List.copyOf(tests),
                List.copyOf(allowedTests), example);
    }
}

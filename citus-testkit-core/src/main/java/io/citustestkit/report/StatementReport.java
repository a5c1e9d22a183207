package io.citustestkit.report;

import io.citustestkit.recording.RecordedStatement;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Every statement a test run recorded, as the reader wants it: per cluster, each statement shape worst
 * first (repartition, pull-to-coordinator, multi-shard, router, then statements on no distributed
 * table) with how Citus ran it and which tests sent it, and per test class its statements by kind.
 * {@link ReportFiles} writes it as {@code statements.html} and {@code statements.json}.
 *
 * <pre>{@code
 * StatementReport report = StatementReport.of(collectedTests);
 * report.statements();                         // 1234
 * report.clusters().get(0).shapes().get(0);    // the worst shape of the first cluster
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class StatementReport {

    /** The version of {@code statements.json}'s schema ({@code statements.schema.json}); raised on an incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    private final Instant generatedAt;
    private final List<ClusterSection> clusters;
    private final int statements;
    private final int shapes;
    private final int tests;

    private StatementReport(Instant generatedAt, List<ClusterSection> clusters) {
        this.generatedAt = generatedAt;
        this.clusters = List.copyOf(clusters);
        this.statements = clusters.stream().mapToInt(ClusterSection::statements).sum();
        Set<String> distinct = new HashSet<>();
        clusters.forEach(cluster -> cluster.shapes().forEach(shape -> distinct.add(shape.sql())));
        this.shapes = distinct.size();
        this.tests = clusters.stream().mapToInt(ClusterSection::tests).sum();
    }

    /**
     * The report of what the tests recorded, made now.
     *
     * @param tests each test's statements, in any order (several entries for one test are summed)
     * @return the report
     */
    public static StatementReport of(List<TestStatements> tests) {
        return of(tests, Instant.now());
    }

    /**
     * The report of what the tests recorded.
     *
     * @param tests each test's statements, in any order
     * @param generatedAt when the report is made, as it says
     * @return the report
     */
    public static StatementReport of(List<TestStatements> tests, Instant generatedAt) {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Map<String, List<TestStatements>> byCluster = new TreeMap<>();
        for (TestStatements test : tests) {
            byCluster.computeIfAbsent(test.cluster(), cluster -> new ArrayList<>()).add(test);
        }
        List<ClusterSection> sections = new ArrayList<>();
        byCluster.forEach((cluster, itsTests) -> sections.add(section(cluster, itsTests)));
        return new StatementReport(generatedAt, sections);
    }

    private static ClusterSection section(String cluster, List<TestStatements> tests) {
        Map<String, ShapeBuilder> shapes = new LinkedHashMap<>();
        Map<String, String> shapeOf = new HashMap<>();
        Map<String, KindCounts> classKinds = new TreeMap<>();
        Map<String, Set<String>> classTests = new HashMap<>();
        Map<String, Integer> classStatements = new HashMap<>();
        KindCounts kinds = new KindCounts();
        Set<String> testNames = new LinkedHashSet<>();
        int statements = 0;
        for (TestStatements test : tests) {
            testNames.add(test.test());
            KindCounts ofClass = classKinds.computeIfAbsent(test.testClass(), name -> new KindCounts());
            classTests.computeIfAbsent(test.testClass(), name -> new HashSet<>()).add(test.testMethod());
            classStatements.merge(test.testClass(), test.statements().size(), Integer::sum);
            for (RecordedStatement statement : test.statements()) {
                String shape = shapeOf.computeIfAbsent(statement.sql(), SqlShape::of);
                shapes.computeIfAbsent(shape, ShapeBuilder::new).add(statement, test);
                ofClass.add(statement.kind());
                kinds.add(statement.kind());
                statements++;
            }
        }
        List<StatementShape> built = new ArrayList<>(shapes.size());
        shapes.values().forEach(builder -> built.add(builder.build()));
        built.sort(StatementShape.WORST_FIRST);
        List<ClassStatements> classes = new ArrayList<>();
        classKinds.forEach((name, counts) -> classes.add(new ClassStatements(name, classTests.get(name).size(),
                classStatements.get(name), counts.toMap())));
        return new ClusterSection(cluster, statements, testNames.size(), kinds.toMap(), built, classes);
    }

    /** {@return when the report was made} */
    public Instant generatedAt() {
        return generatedAt;
    }

    /** {@return a section per cluster, in name order} */
    public List<ClusterSection> clusters() {
        return clusters;
    }

    /** {@return how many statements the tests sent, on every cluster} */
    public int statements() {
        return statements;
    }

    /** {@return how many distinct statement shapes they sent} */
    public int shapes() {
        return shapes;
    }

    /** {@return how many tests recorded statements (a test on two clusters counts twice)} */
    public int tests() {
        return tests;
    }

    /**
     * How many statements Citus ran with {@code severity}, on every cluster.
     *
     * @param severity the severity
     * @return the number of statements
     */
    public int statements(ShapeSeverity severity) {
        return clusters.stream().mapToInt(cluster -> cluster.statements(severity)).sum();
    }

    /** {@return the worst shape of the run, if any statement was recorded} */
    public Optional<StatementShape> worstShape() {
        return clusters.stream().flatMap(cluster -> cluster.shapes().stream()).min(StatementShape.WORST_FIRST);
    }

    @Override
    public String toString() {
        return "StatementReport[" + statements + " statements, " + shapes + " shapes, " + tests + " tests, "
                + clusters.size() + " clusters]";
    }
}

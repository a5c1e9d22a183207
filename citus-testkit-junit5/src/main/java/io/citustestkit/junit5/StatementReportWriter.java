package io.citustestkit.junit5;

import io.citustestkit.commons.Stopwatch;
import io.citustestkit.recording.RecordedStatement;
import io.citustestkit.report.ReportFiles;
import io.citustestkit.report.StatementReport;
import io.citustestkit.report.TestStatements;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The root-store entry that collects each recorded test's statements (from any thread: tests may run in
 * parallel) and writes the statement report when JUnit closes the root store at the end of the run.
 *
 * <pre>{@code
 * StatementReportWriter.of(context).add(new TestStatements(cluster, testClass, method, allowed, statements));
 * // at the end of the run: target/citus-testkit/statements.html and statements.json
 * }</pre>
 */
@SuppressWarnings("deprecation") // CloseableResource: still how JUnit 5.10-5.12 closes stored values
final class StatementReportWriter implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatementReportWriter.class);

    private final Path directory;
    private final List<TestStatements> tests = new ArrayList<>();
    private boolean written;

    StatementReportWriter(Path directory) {
        this.directory = directory;
    }

    /** The run's writer, created on first use with the directory the run's configuration names. */
    static StatementReportWriter of(ExtensionContext context) {
        return context.getRoot().getStore(CitusClusterExtension.NAMESPACE).getOrComputeIfAbsent(StatementReportWriter.class,
                key -> new StatementReportWriter(ReportSettings.directory(context::getConfigurationParameter, System::getenv,
                        Path.of("").toAbsolutePath())), StatementReportWriter.class);
    }

    synchronized void add(TestStatements test) {
        tests.add(test);
    }

    /** Writes the report of every test added. Idempotent. */
    @Override
    public void close() {
        List<TestStatements> collected;
        synchronized (this) {
            if (written) {
                return;
            }
            written = true;
            collected = List.copyOf(tests);
        }
        long started = System.nanoTime();
        StatementReport report = StatementReport.of(collected);
        Path page = ReportFiles.write(report, directory);
        LOG.info("Statement report: {} statements in {} shapes from {} tests, written in {} ms: {}", report.statements(),
                report.shapes(), report.tests(), Stopwatch.millis(started, System.nanoTime()), page.toUri());
    }

    static TestStatements of(String cluster, ExtensionContext context, String allowedMultiShard, List<RecordedStatement> statements) {
        return new TestStatements(cluster, context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName(),
                allowedMultiShard, new ArrayList<>(statements));
    }
}

/**
 * The statement report: every statement a test run recorded, grouped into shapes (the SQL with its
 * parameters and literals as placeholders), worst first, with how Citus ran each one and which tests
 * sent it, rendered as one self-contained page ({@code statements.html}) and as JSON for tools
 * ({@code statements.json}, described by {@code statements.schema.json}). Built from
 * {@link io.citustestkit.recording.RecordedStatement}s; knows nothing of clusters, containers or JUnit.
 *
 * <pre>{@code
 * StatementReport report = StatementReport.of(List.of(
 *         new TestStatements("cluster A", "com.acme.EventTest", "should_store", null, recorder.statements().all())));
 * Path page = ReportFiles.write(report, Path.of("target/citus-testkit")); // .../statements.html
 * }</pre>
 */
package io.citustestkit.report;

package io.citustestkit.report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportHtmlTest {

    private static String html(StatementReport report) throws IOException {
        StringWriter out = new StringWriter();
        ReportHtml.write(report, out);
        return out.toString();
    }

    @Test
    void should_show_the_summary_then_the_shapes_worst_first() throws IOException {
        String html = html(ReportFixtures.report());

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<b>" + ReportFixtures.REAL.size() + "</b>statements")
                .contains("<b>2</b>tests")
                .contains("Cluster: " + ReportFixtures.CLUSTER)
                .contains("Worst shape: <span class=\"badge b-2\">multi-shard</span>");
        int multiShard = html.indexOf("<article class=\"shape sev-2\"");
        int router = html.indexOf("<article class=\"shape sev-3\"");
        assertThat(multiShard).isPositive().isLessThan(router);
        assertThat(html).contains("<pre class=\"sql\">SELECT count(*) FROM events WHERE owner_id = ?</pre>");
    }

    @Test
    void should_show_tenants_tests_the_example_with_its_parameters_and_the_commands_citus_sent() throws IOException {
        String html = html(ReportFixtures.report());
        int count = html.indexOf("<pre class=\"sql\">SELECT count(*) FROM events WHERE owner_id = ?</pre>");
        String article = html.substring(count, html.indexOf("</article>", count));

        assertThat(article).contains("<th>Tenants</th><td>2: 42, 2</td>")
                .contains("ROUTER &times;")
                .contains("com.acme.EventTest.should_count_a_tenants_events()")
                .contains("Parameters: <code>&#39;42&#39;</code>")
                .contains("events_102015");
    }

    @Test
    void should_show_allowed_statements_as_allowed_with_the_reason() throws IOException {
        String html = html(ReportFixtures.report());

        assertThat(html).contains("<span class=\"badge allowed\">allowed</span>")
                .contains("@AllowMultiShardStatements(\"the monthly report reads every tenant\")</code> on "
                        + "com.acme.ReportTest.should_read_every_tenant()");
    }

    @Test
    void should_draw_the_statements_by_severity_as_an_inline_svg_and_fetch_nothing() throws IOException {
        String html = html(ReportFixtures.report());

        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("multi-shard</text>")
                .doesNotContain("<script", "<link", "src=", "@import", "url(", "https://");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://");
    }

    @Test
    void should_escape_what_the_application_sent() throws IOException {
        StatementReport report = StatementReport.of(List.of(new TestStatements("<c>", "T", "m", null, List.of(
                new io.citustestkit.recording.RecordedStatement("SELECT '<script>alert(1)</script>' AS \"<b>\"", List.of(),
                        io.citustestkit.plan.PlanKind.LOCAL, List.of(), List.of(), List.of(), null)))));

        String html = html(report);

        assertThat(html).doesNotContain("<script", "<b>\"", "<c>").contains("&lt;c&gt;").contains("&quot;&lt;b&gt;&quot;");
    }

    @Test
    void should_say_when_nothing_was_recorded() throws IOException {
        assertThat(html(StatementReport.of(List.of()))).contains("No statement was recorded.").contains("<b>0</b>statements");
    }
}

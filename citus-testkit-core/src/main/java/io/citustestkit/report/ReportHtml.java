package io.citustestkit.report;

import io.citustestkit.plan.PlanKind;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Writes a {@link StatementReport} as {@code statements.html}: one self-contained page (inline style and
 * SVG; no script, no font, nothing fetched) with the summary, then per cluster a chart of its statements
 * by severity, every statement shape worst first, and its test classes by kind.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(path)) {
 *     ReportHtml.write(report, out);
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportHtml {

    private static final int SHOWN_VALUES = 30;
    private static final int SHOWN_COMMANDS = 10;
    private static final String[] COLORS = {"#b3261e", "#d9622b", "#e3a21a", "#2e7d32", "#607d8b"};
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1d1d1f;max-width:1200px}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #ddd;padding-bottom:.3rem}
            .generated{color:#666;margin-top:0}
            .summary{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
            .summary div{background:#f4f4f6;border-radius:8px;padding:.7rem 1.1rem;min-width:8rem}
            .summary b{display:block;font-size:1.8rem}
            .worst{background:#fff4f2;border-left:4px solid #b3261e;padding:.6rem 1rem}
            .shape{border:1px solid #ddd;border-left-width:6px;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
            .sev-0{border-left-color:#b3261e}.sev-1{border-left-color:#d9622b}.sev-2{border-left-color:#e3a21a}
            .sev-3{border-left-color:#2e7d32}.sev-4{border-left-color:#607d8b}
            .badge{display:inline-block;border-radius:4px;padding:.1rem .5rem;color:#fff;font-size:.85rem;font-weight:600}
            .b-0{background:#b3261e}.b-1{background:#d9622b}.b-2{background:#b07a00}.b-3{background:#2e7d32}.b-4{background:#607d8b}
            .allowed{background:#1565c0}.failed{background:#6a1b9a}
            pre{background:#f6f8fa;padding:.5rem;border-radius:4px;white-space:pre-wrap;word-break:break-word;margin:.4rem 0}
            pre.sql{font-size:.95rem}
            table{border-collapse:collapse}td,th{text-align:left;padding:.2rem .8rem .2rem 0;vertical-align:top}
            table.classes{font-size:.9rem}table.classes td,table.classes th{border-bottom:1px solid #eee;padding:.3rem .6rem}
            table.classes code{word-break:break-all}
            th{color:#555;font-weight:600}.count{color:#555}.shape th{white-space:nowrap;width:10rem}
            details summary{cursor:pointer;color:#333}
            """;

    private ReportHtml() {
    }

    /**
     * Writes the page.
     *
     * @param report the report
     * @param out where to write it (not closed)
     * @throws IOException if writing fails
     */
    public static void write(StatementReport report, Writer out) throws IOException {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Citus statement report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Statements the tests ran on Citus</h1>\n<p class=\"generated\">citus-testkit statement report, ")
                .append(escape(report.generatedAt().toString())).append(" &middot; the same facts for tools: ")
                .append("<a href=\"statements.json\">statements.json</a> (schema version ").append(StatementReport.SCHEMA_VERSION)
                .append(", <a href=\"statements.schema.json\">statements.schema.json</a>)</p>\n");
        summary(html, report);
        for (int i = 0; i < report.clusters().size(); i++) {
            cluster(html, report.clusters().get(i), i);
        }
        html.append("</body>\n</html>\n");
        out.write(html.toString());
    }

    private static void summary(StringBuilder html, StatementReport report) {
        html.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"summary\">");
        tile(html, report.statements(), "statements");
        tile(html, report.shapes(), "distinct shapes");
        tile(html, report.tests(), "tests");
        tile(html, report.clusters().size(), report.clusters().size() == 1 ? "cluster" : "clusters");
        html.append("</div>\n<p>");
        for (ShapeSeverity severity : ShapeSeverity.values()) {
            html.append(badge(severity)).append(' ').append(report.statements(severity)).append(" &nbsp; ");
        }
        html.append("</p>\n");
        report.worstShape().ifPresentOrElse(
                worst -> html.append("<p class=\"worst\" id=\"worst\">Worst shape: ").append(badge(worst.severity()))
                        .append(" <code>").append(escape(worst.sql())).append("</code> ran ").append(worst.count())
                        .append(worst.count() == 1 ? " time" : " times").append(", up to ").append(worst.maxTasks())
                        .append(worst.maxTasks() == 1 ? " task" : " tasks").append(" on ").append(worst.shards().size())
                        .append(worst.shards().size() == 1 ? " shard" : " shards").append("</p>\n"),
                () -> html.append("<p>No statement was recorded.</p>\n"));
        html.append("</section>\n");
    }

    private static void tile(StringBuilder html, long number, String label) {
        html.append("<div><b>").append(number).append("</b>").append(escape(label)).append("</div>");
    }

    private static void cluster(StringBuilder html, ClusterSection cluster, int index) {
        html.append("<section class=\"cluster\" id=\"cluster-").append(index + 1).append("\">\n<h2>Cluster: ")
                .append(escape(cluster.cluster())).append("</h2>\n<p>").append(cluster.statements()).append(" statements in ")
                .append(cluster.shapes().size()).append(" shapes from ").append(cluster.tests()).append(" tests.</p>\n");
        chart(html, cluster);
        html.append("<h3>Statement shapes, worst first</h3>\n");
        for (int i = 0; i < cluster.shapes().size(); i++) {
            shape(html, cluster.shapes().get(i), index, i);
        }
        classes(html, cluster);
        html.append("</section>\n");
    }

    /** A horizontal bar per severity: how many statements, in how many shapes. */
    private static void chart(StringBuilder html, ClusterSection cluster) {
        ShapeSeverity[] severities = ShapeSeverity.values();
        int max = 1;
        for (ShapeSeverity severity : severities) {
            max = Math.max(max, cluster.statements(severity));
        }
        int rowHeight = 30;
        int labelWidth = 170;
        int barWidth = 560;
        int height = severities.length * rowHeight + 30;
        html.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(labelWidth + barWidth + 220)
                .append("\" height=\"").append(height).append("\" aria-label=\"Statements by how Citus ran them\">\n")
                .append("<title>Statements by how Citus ran them</title>\n");
        for (int i = 0; i < severities.length; i++) {
            ShapeSeverity severity = severities[i];
            int statements = cluster.statements(severity);
            int width = statements == 0 ? 0 : Math.max(2, (int) Math.round((double) statements / max * barWidth));
            int y = i * rowHeight + 10;
            html.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\" font-size=\"14\" font-family=\"sans-serif\">").append(escape(severity.label()))
                    .append("</text>\n<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"").append(width)
                    .append("\" height=\"22\" fill=\"").append(COLORS[severity.ordinal()]).append("\"/>\n<text x=\"")
                    .append(labelWidth + width + 8).append("\" y=\"").append(y + 17).append("\" font-size=\"13\" font-family=\"sans-serif\">")
                    .append(statements).append(statements == 1 ? " statement, " : " statements, ").append(cluster.shapes(severity))
                    .append(cluster.shapes(severity) == 1 ? " shape" : " shapes").append("</text>\n");
        }
        html.append("</svg>\n<figcaption>Statements by how Citus ran them (a shape counts under the worst way it ran)</figcaption>\n")
                .append("</figure>\n");
    }

    private static void shape(StringBuilder html, StatementShape shape, int cluster, int index) {
        int severity = shape.severity().ordinal();
        html.append("<article class=\"shape sev-").append(severity).append("\" id=\"shape-").append(cluster + 1).append('-')
                .append(index + 1).append("\">\n<div>").append(badge(shape.severity()));
        if (shape.isAllowed()) {
            html.append(" <span class=\"badge allowed\">allowed</span>");
        }
        if (shape.failures() > 0) {
            html.append(" <span class=\"badge failed\">").append(shape.failures()).append(" failed</span>");
        }
        html.append(" <span class=\"count\">ran ").append(shape.count()).append(shape.count() == 1 ? " time" : " times")
                .append("</span></div>\n<pre class=\"sql\">").append(escape(shape.sql())).append("</pre>\n<table>\n");
        row(html, "How Citus ran it", shape.kinds().entrySet().stream()
                .map(entry -> escape(entry.getKey().name()) + " &times;" + entry.getValue() + " <span class=\"count\">("
                        + escape(entry.getKey().description()) + ")</span>")
                .collect(Collectors.joining("<br>")));
        row(html, "Tasks", shape.minTasks() == shape.maxTasks() ? String.valueOf(shape.maxTasks())
                : shape.minTasks() + " to " + shape.maxTasks());
        row(html, "Shards", shape.shards().size() + (shape.shards().isEmpty() ? "" : ": " + list(shape.shards().stream()
                .map(String::valueOf).toList())));
        row(html, "Nodes", shape.nodes().isEmpty() ? "none" : escape(String.join(", ", shape.nodes())));
        if (!shape.tenants().isEmpty()) {
            row(html, "Tenants", shape.tenants().size() + ": " + list(shape.tenants()));
        }
        if (!shape.unnamedValues().isEmpty()) {
            row(html, "Tenant not named", escape(String.join("; ", shape.unnamedValues())));
        }
        if (!shape.delegatedTo().isEmpty()) {
            row(html, "Delegated to", escape(String.join(", ", shape.delegatedTo())));
        }
        if (!shape.allowed().isEmpty()) {
            row(html, "Allowed", shape.allowed().stream()
                    .map(allowed -> "<code>@AllowMultiShardStatements(\"" + escape(allowed.reason()) + "\")</code> on "
                            + escape(allowed.test()))
                    .collect(Collectors.joining("<br>")));
        }
        row(html, "Tests", shape.tests().size() + ": " + list(shape.tests()));
        html.append("</table>\n");
        example(html, shape.example(), index == 0);
        html.append("</article>\n");
    }

    private static void example(StringBuilder html, StatementShape.Example example, boolean open) {
        html.append("<details").append(open ? " open" : "").append(">\n<summary>Example (").append(escape(example.test()))
                .append("), and the ").append(example.commands().size()).append(example.commands().size() == 1 ? " command" : " commands")
                .append(" Citus sent</summary>\n<pre>").append(escape(example.sql())).append("</pre>\n");
        if (!example.parameters().isEmpty()) {
            html.append("<p>Parameters: <code>").append(escape(example.parameters().stream()
                    .map(parameter -> parameter == null ? "NULL" : "'" + parameter + "'").collect(Collectors.joining(", "))))
                    .append("</code></p>\n");
        }
        if (example.error() != null) {
            html.append("<p>Failed: <code>").append(escape(example.error())).append("</code></p>\n");
        }
        List<String> commands = example.commands();
        for (int i = 0; i < Math.min(commands.size(), SHOWN_COMMANDS); i++) {
            html.append("<pre>").append(escape(commands.get(i))).append("</pre>\n");
        }
        if (commands.size() > SHOWN_COMMANDS) {
            html.append("<p>and ").append(commands.size() - SHOWN_COMMANDS).append(" more (all in statements.json)</p>\n");
        }
        html.append("</details>\n");
    }

    private static void classes(StringBuilder html, ClusterSection cluster) {
        html.append("<h3>Test classes</h3>\n<table class=\"classes\">\n<tr><th>Class</th><th>Tests</th><th>Statements</th>");
        for (ShapeSeverity severity : ShapeSeverity.values()) {
            html.append("<th>").append(escape(severity.label())).append("</th>");
        }
        html.append("<th>By kind</th></tr>\n");
        for (ClassStatements type : cluster.classes()) {
            html.append("<tr><td><code>").append(escape(type.testClass())).append("</code></td><td>").append(type.tests())
                    .append("</td><td>").append(type.statements()).append("</td>");
            for (ShapeSeverity severity : ShapeSeverity.values()) {
                html.append("<td>").append(type.count(severity)).append("</td>");
            }
            html.append("<td>").append(escape(kinds(type.kinds()))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String kinds(Map<PlanKind, Integer> kinds) {
        return kinds.entrySet().stream().map(entry -> entry.getKey().name() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(escape(label)).append("</th><td>").append(value).append("</td></tr>\n");
    }

    private static String list(List<String> values) {
        String shown = values.stream().limit(SHOWN_VALUES).map(ReportHtml::escape).collect(Collectors.joining(", "));
        return values.size() > SHOWN_VALUES ? shown + " and " + (values.size() - SHOWN_VALUES) + " more" : shown;
    }

    private static String badge(ShapeSeverity severity) {
        return "<span class=\"badge b-" + severity.ordinal() + "\">" + escape(severity.label()) + "</span>";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

package io.citustestkit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.citustestkit.plan.PlanKind;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Writes a {@link StatementReport} as {@code statements.json}, in the format {@code statements.schema.json}
 * (next to it, and in this package's resources) describes, version {@value StatementReport#SCHEMA_VERSION}.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(path)) {
 *     ReportJson.write(report, out);
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportJson {

    /** The schema's resource on the class path. */
    public static final String SCHEMA_RESOURCE = "/io/citustestkit/report/statements.schema.json";

    private static final JsonFactory JSON = new JsonFactory();

    private ReportJson() {
    }

    /**
     * Writes the report.
     *
     * @param report the report
     * @param out where to write it (not closed)
     * @throws IOException if writing fails
     */
    public static void write(StatementReport report, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("$schema", "statements.schema.json");
            json.writeNumberField("schemaVersion", StatementReport.SCHEMA_VERSION);
            json.writeStringField("generatedAt", report.generatedAt().toString());
            json.writeObjectFieldStart("summary");
            json.writeNumberField("statements", report.statements());
            json.writeNumberField("shapes", report.shapes());
            json.writeNumberField("tests", report.tests());
            json.writeNumberField("clusters", report.clusters().size());
            json.writeObjectFieldStart("statementsBySeverity");
            for (ShapeSeverity severity : ShapeSeverity.values()) {
                json.writeNumberField(severity.label(), report.statements(severity));
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("clusters");
            for (ClusterSection cluster : report.clusters()) {
                cluster(json, cluster);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void cluster(JsonGenerator json, ClusterSection cluster) throws IOException {
        json.writeStartObject();
        json.writeStringField("cluster", cluster.cluster());
        json.writeNumberField("statements", cluster.statements());
        json.writeNumberField("tests", cluster.tests());
        kinds(json, "kinds", cluster.kinds());
        json.writeArrayFieldStart("shapes");
        for (StatementShape shape : cluster.shapes()) {
            shape(json, shape);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("classes");
        for (ClassStatements type : cluster.classes()) {
            json.writeStartObject();
            json.writeStringField("testClass", type.testClass());
            json.writeNumberField("tests", type.tests());
            json.writeNumberField("statements", type.statements());
            kinds(json, "kinds", type.kinds());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void shape(JsonGenerator json, StatementShape shape) throws IOException {
        json.writeStartObject();
        json.writeStringField("sql", shape.sql());
        json.writeStringField("severity", shape.severity().label());
        json.writeNumberField("count", shape.count());
        json.writeNumberField("failures", shape.failures());
        kinds(json, "kinds", shape.kinds());
        json.writeObjectFieldStart("tasks");
        json.writeNumberField("min", shape.minTasks());
        json.writeNumberField("max", shape.maxTasks());
        json.writeEndObject();
        json.writeArrayFieldStart("shards");
        for (Long shard : shape.shards()) {
            json.writeNumber(shard);
        }
        json.writeEndArray();
        strings(json, "nodes", shape.nodes());
        strings(json, "tenants", shape.tenants());
        strings(json, "unnamedTenants", shape.unnamedValues());
        strings(json, "delegatedTo", shape.delegatedTo());
        strings(json, "tests", shape.tests());
        json.writeArrayFieldStart("allowedMultiShard");
        for (StatementShape.AllowedTest allowed : shape.allowed()) {
            json.writeStartObject();
            json.writeStringField("test", allowed.test());
            json.writeStringField("reason", allowed.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        StatementShape.Example example = shape.example();
        json.writeObjectFieldStart("example");
        json.writeStringField("sql", example.sql());
        strings(json, "parameters", example.parameters());
        json.writeStringField("kind", example.kind().name());
        strings(json, "commands", example.commands());
        json.writeStringField("error", example.error());
        json.writeStringField("test", example.test());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void kinds(JsonGenerator json, String field, Map<PlanKind, Integer> kinds) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<PlanKind, Integer> entry : kinds.entrySet()) {
            json.writeNumberField(entry.getKey().name(), entry.getValue());
        }
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}

package io.citustestkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJsonTest {

    static List<Error> validate(String json) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(ReportFiles.schema());
        return schema.validate(json, InputFormat.JSON);
    }

    private static String json(StatementReport report) throws IOException {
        StringWriter out = new StringWriter();
        ReportJson.write(report, out);
        return out.toString();
    }

    @Test
    void should_write_json_that_its_schema_accepts() throws IOException {
        String json = json(ReportFixtures.report());

        assertThat(validate(json)).isEmpty();
        assertThat(validate(json(StatementReport.of(List.of())))).isEmpty();
    }

    @Test
    void should_be_rejected_by_the_schema_when_a_required_fact_is_missing() throws IOException {
        String json = json(ReportFixtures.report()).replaceFirst("\"severity\"", "\"sevurity\"");

        assertThat(validate(json)).as("the schema must be able to fail").isNotEmpty();
    }

    @Test
    void should_write_the_summary_and_each_shape_with_what_citus_did() throws IOException {
        JsonNode root = new ObjectMapper().readTree(json(ReportFixtures.report()));

        assertThat(root.get("schemaVersion").asInt()).isEqualTo(StatementReport.SCHEMA_VERSION);
        assertThat(root.get("generatedAt").asText()).isEqualTo("2026-12-06T03:00:00Z");
        assertThat(root.at("/summary/statements").asInt()).isEqualTo(ReportFixtures.REAL.size());
        assertThat(root.at("/summary/clusters").asInt()).isEqualTo(1);
        JsonNode shapes = root.at("/clusters/0/shapes");
        assertThat(shapes.get(0).get("severity").asText()).isEqualTo("multi-shard");
        JsonNode count = null;
        for (JsonNode shape : shapes) {
            if (shape.get("sql").asText().equals("SELECT count(*) FROM events WHERE owner_id = ?")) {
                count = shape;
            }
        }
        assertThat(count).isNotNull();
        assertThat(count.get("severity").asText()).isEqualTo("router");
        assertThat(count.at("/kinds/ROUTER").asInt()).isEqualTo(count.get("count").asInt());
        assertThat(count.get("tenants")).extracting(JsonNode::asText).containsExactly("42", "2");
        assertThat(count.at("/example/parameters/0").asText()).isEqualTo("42");
        assertThat(count.at("/example/commands/0").asText()).contains("events_102015");
        assertThat(count.at("/tasks/max").asInt()).isEqualTo(1);
        assertThat(root.at("/clusters/0/classes/1/testClass").asText()).isEqualTo("com.acme.ReportTest");
    }
}

package io.citustestkit.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.citustestkit.report.ReportFiles;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement report of a run, as a user gets it: the files written at the end of the run, the JSON
 * valid against its schema, the page rendered in a real headless browser (the screenshot stays in
 * {@code target/statement-report-it/} as an artifact).
 */
@EnabledIfCitusImage
class StatementReportIT {

    private static final String COUNT_ALL = "SELECT count(*) FROM events";
    private static final String COUNT_TENANT = "SELECT count(*) FROM events WHERE owner_id = ?";
    private static final String REASON = "the monthly report reads every tenant";

    @Test
    void should_write_the_report_of_the_recording_classes_worst_first_and_render_it_in_a_browser() throws Exception {
        Path directory = emptyDirectory("statement-report-it");

        EngineExecutionResults results = EngineRuns.run(Map.of(ReportSettings.DIRECTORY_PROPERTY, directory.toString()),
                RecordedCase.class, PlainCase.class);

        EngineRuns.assertAllSucceeded(results);
        assertThat(directory.resolve(ReportFiles.HTML)).isRegularFile();
        assertThat(directory.resolve(ReportFiles.SCHEMA)).isRegularFile();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).as("no temporary file left behind")
                    .containsExactlyInAnyOrder(ReportFiles.HTML, ReportFiles.JSON, ReportFiles.SCHEMA);
        }
        JsonNode report = validJson(directory);
        assertThat(report.at("/summary/clusters").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/tests").asInt()).isEqualTo(2);
        JsonNode shapes = report.at("/clusters/0/shapes");
        JsonNode worst = shapes.get(0);
        assertThat(worst.get("sql").asText()).isEqualTo(COUNT_ALL);
        assertThat(worst.get("severity").asText()).isEqualTo("multi-shard");
        assertThat(worst.at("/tasks/max").asInt()).isEqualTo(TestCluster.SHARD_COUNT);
        assertThat(worst.get("shards")).hasSize(TestCluster.SHARD_COUNT);
        assertThat(worst.at("/allowedMultiShard/0/reason").asText()).isEqualTo(REASON);
        assertThat(worst.at("/allowedMultiShard/0/test").asText()).isEqualTo(RecordedCase.class.getName() + ".countsEveryTenant()");
        JsonNode tenant = shape(shapes, COUNT_TENANT);
        assertThat(tenant.get("severity").asText()).isEqualTo("router");
        assertThat(tenant.get("count").asInt()).isEqualTo(2);
        assertThat(tenant.get("tenants")).extracting(JsonNode::asText).containsExactly("7", "8");
        assertThat(tenant.at("/example/parameters/0").asText()).isEqualTo("7");
        assertThat(tenant.at("/example/commands")).hasSize(1);
        assertThat(shape(shapes, "INSERT INTO events (owner_id, payload) VALUES (?, ?)").get("tenants"))
                .extracting(JsonNode::asText).containsExactly("7", "8");
        assertThat(report.toString()).as("a class that does not record is not in the report (no -Dcitus.testkit.report)")
                .doesNotContain(PlainCase.class.getName());
        assertThat(report.at("/clusters/0/classes")).hasSize(1);
        assertThat(report.at("/clusters/0/classes/0/kinds/MULTI_SHARD").asInt()).isEqualTo(1);

        Path screenshot = directory.resolve("statements.png");
        HeadlessChromium.screenshot(directory.resolve(ReportFiles.HTML), screenshot);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        String dom = HeadlessChromium.dumpDom(directory.resolve(ReportFiles.HTML));
        assertThat(dom).contains("<h2>Summary</h2>").contains("<b>5</b>statements").contains("<b>2</b>tests")
                .contains("Worst shape: <span class=\"badge b-2\">multi-shard</span> <code>" + COUNT_ALL + "</code>")
                .contains("<span class=\"badge allowed\">allowed</span>")
                .contains("<th>Tenants</th><td>2: 7, 8</td>");
    }

    @Test
    void should_record_every_cluster_for_the_report_when_the_run_asks_for_it() throws IOException {
        Path directory = emptyDirectory("statement-report-it-run-wide");

        EngineExecutionResults results = EngineRuns.run(Map.of(ReportSettings.DIRECTORY_PROPERTY, directory.toString(),
                ReportSettings.ENABLED_PROPERTY, "true"), PlainCase.class);

        EngineRuns.assertAllSucceeded(results);
        JsonNode report = validJson(directory);
        JsonNode tenant = shape(report.at("/clusters/0/shapes"), COUNT_TENANT);
        assertThat(tenant.get("tests")).extracting(JsonNode::asText).containsExactly(PlainCase.class.getName() + ".readsOneTenant()");
        assertThat(tenant.get("severity").asText()).isEqualTo("router");
        assertThat(tenant.get("tenants")).extracting(JsonNode::asText).containsExactly("9");
    }

    private static JsonNode validJson(Path directory) throws IOException {
        String json = Files.readString(directory.resolve(ReportFiles.JSON), StandardCharsets.UTF_8);
        List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(directory.resolve(ReportFiles.SCHEMA), StandardCharsets.UTF_8))
                .validate(json, InputFormat.JSON);
        assertThat(errors).as("statements.json against statements.schema.json").isEmpty();
        return new ObjectMapper().readTree(json);
    }

    private static JsonNode shape(JsonNode shapes, String sql) {
        List<String> seen = new ArrayList<>();
        for (JsonNode shape : shapes) {
            if (shape.get("sql").asText().equals(sql)) {
                return shape;
            }
            seen.add(shape.get("sql").asText());
        }
        throw new AssertionError("No shape " + sql + " in the report; its shapes: " + seen);
    }

    private static Path emptyDirectory(String name) throws IOException {
        Path directory = Path.of("target", name).toAbsolutePath();
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
        return directory;
    }

    private static void tenantStatements(DataSource dataSource, long owner) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events (owner_id, payload) VALUES (?, ?)")) {
                insert.setLong(1, owner);
                insert.setString(2, "event of " + owner);
                insert.executeUpdate();
            }
            try (PreparedStatement count = connection.prepareStatement(COUNT_TENANT)) {
                count.setLong(1, owner);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                }
            }
        }
    }

    // ---------------------------------------------------------------- fixtures

    /** Records its statements: two tenants' router statements, and one allowed statement over every tenant. */
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = TestCluster.SCHEMA,
            dataOnTmpfs = TestCluster.DATA_ON_TMPFS, recordStatements = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class RecordedCase {

        @Test
        @Order(1)
        void storesTenantEvents(DataSource dataSource) throws SQLException {
            tenantStatements(dataSource, 7);
            tenantStatements(dataSource, 8);
        }

        @Test
        @Order(2)
        @AllowMultiShardStatements(REASON)
        void countsEveryTenant(DataSource dataSource) {
            Sql.queryLong(dataSource, COUNT_ALL);
        }
    }

    /** Records nothing of itself: in the report only when the run asks every cluster to record. */
    @TestCluster
    static class PlainCase {

        @Test
        void readsOneTenant(DataSource dataSource) {
            Sql.queryLong(dataSource, "SELECT count(*) FROM events WHERE owner_id = 9");
        }
    }
}

package io.citustestkit.recording;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.citustestkit.assertions.CitusAssertions.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statements of Citus's own regression suite ({@code multi_router_planner}), recorded, checked against
 * what Citus printed for each in that suite's expected output: the distribution values the recording
 * names are the ones Citus logged, and a statement Citus named no value for is said to have none.
 */
@EnabledIfCitusImage
class RegressionStatementsIT {

    private static final String RESOURCE = "/citus-regress/multi_router_planner.sql";
    private static final String VALUE = "-- citus: query has a single distribution column value: ";

    private static CitusTestCluster cluster;

    /** One statement of the file (as the driver sends it: without its trailing semicolon) and the values Citus printed for it. */
    record Case(String sql, List<String> values) {
    }

    @BeforeAll
    static void start() throws IOException {
        String[] parts = file().split("-- statements\n");
        cluster = CitusTestCluster.builder().workers(2).start();
        for (String statement : parts[0].split(";\n")) {
            String sql = statement.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
            if (!sql.isEmpty()) {
                cluster.execute(sql);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void should_name_the_distribution_values_citus_printed_for_each_statement_of_its_regression_suite() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(20);
        try (StatementRecorder recorder = cluster.recordStatements();
             Connection connection = cluster.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (Case c : cases) {
                statement.execute(c.sql());
            }

            List<RecordedStatement> recorded = recorder.statements().all();

            assertThat(recorded).extracting(RecordedStatement::sql).containsExactlyElementsOf(cases.stream().map(Case::sql).toList());
            for (int i = 0; i < cases.size(); i++) {
                RecordedStatement r = recorded.get(i);
                Case c = cases.get(i);
                assertThat(r.distributionValues()).as("the values Citus printed for %s", c.sql()).isEqualTo(c.values());
                if (c.values().isEmpty()) {
                    assertThat(r.unnamedValuesReason()).as("a statement Citus named no value for: %s", c.sql()).isPresent();
                } else {
                    assertThat(r.unnamedValuesReason()).as("every task named: %s", r).isEmpty();
                }
            }
        }
    }

    @Test
    void should_pass_allTouchOnlyTenant_for_the_statements_citus_named_one_author_for_and_fail_for_the_others() throws Exception {
        List<Case> author1 = cases().stream().filter(c -> c.values().equals(List.of("1"))).toList();
        List<Case> unnamed = cases().stream().filter(c -> c.values().isEmpty()).toList();
        assertThat(author1).hasSizeGreaterThan(5);
        try (StatementRecorder recorder = cluster.recordStatements();
             Connection connection = cluster.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (Case c : author1) {
                statement.execute(c.sql());
            }
            assertThatStatements(recorder.statements()).allTouchOnlyTenant(1L);

            statement.execute(unnamed.get(0).sql());
            assertThatThrownBy(() -> assertThatStatements(recorder.statements()).allTouchOnlyTenant(1L))
                    .hasMessageContaining("1) " + unnamed.get(0).sql().strip());
        }
    }

    private static List<Case> cases() throws IOException {
        String statements = file().split("-- statements\n")[1];
        List<Case> cases = new ArrayList<>();
        for (String block : statements.split("\n\n")) {
            StringBuilder sql = new StringBuilder();
            List<String> values = new ArrayList<>();
            for (String line : block.strip().split("\n")) {
                if (line.startsWith(VALUE)) {
                    values.add(line.substring(VALUE.length()));
                } else if (!line.startsWith("--")) {
                    sql.append(sql.isEmpty() ? "" : "\n").append(line);
                }
            }
            if (!sql.isEmpty()) {
                String text = sql.toString().strip();
                cases.add(new Case(text.endsWith(";") ? text.substring(0, text.length() - 1) : text, values));
            }
        }
        return cases;
    }

    private static String file() throws IOException {
        try (InputStream in = RegressionStatementsIT.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package io.citustestkit.junit5;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSettingsTest {

    private static Function<String, Optional<String>> configuration(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @Test
    void should_record_every_cluster_only_when_the_property_or_the_variable_says_true() {
        assertThat(ReportSettings.isRunWide(configuration(Map.of()), name -> null)).isFalse();
        assertThat(ReportSettings.isRunWide(configuration(Map.of("citus.testkit.report", "true")), name -> null)).isTrue();
        assertThat(ReportSettings.isRunWide(configuration(Map.of("citus.testkit.report", " TRUE ")), name -> null)).isTrue();
        assertThat(ReportSettings.isRunWide(configuration(Map.of()), Map.of("CITUS_TESTKIT_REPORT", "true")::get)).isTrue();
        assertThat(ReportSettings.isRunWide(configuration(Map.of("citus.testkit.report", "false")),
                Map.of("CITUS_TESTKIT_REPORT", "true")::get)).as("the property wins over the variable").isFalse();
        assertThat(ReportSettings.isRunWide(configuration(Map.of("citus.testkit.report", "yes")), name -> null)).isFalse();
    }

    @Test
    void should_write_under_target_for_maven_and_under_build_for_gradle(@TempDir Path project) throws IOException {
        Path maven = Files.createDirectories(project.resolve("maven"));
        Files.writeString(maven.resolve("pom.xml"), "<project/>");
        Path gradle = Files.createDirectories(project.resolve("gradle"));
        Files.writeString(gradle.resolve("build.gradle.kts"), "");
        Path neither = Files.createDirectories(project.resolve("neither"));

        assertThat(ReportSettings.directory(configuration(Map.of()), name -> null, maven)).isEqualTo(maven.resolve("target/citus-testkit"));
        assertThat(ReportSettings.directory(configuration(Map.of()), name -> null, gradle)).isEqualTo(gradle.resolve("build/citus-testkit"));
        assertThat(ReportSettings.directory(configuration(Map.of()), name -> null, neither)).isEqualTo(neither.resolve("target/citus-testkit"));
    }

    @Test
    void should_write_where_the_property_or_the_variable_says(@TempDir Path project) {
        assertThat(ReportSettings.directory(configuration(Map.of("citus.testkit.report.dir", "out/report")), name -> null, project))
                .isEqualTo(project.resolve("out/report"));
        assertThat(ReportSettings.directory(configuration(Map.of()), Map.of("CITUS_TESTKIT_REPORT_DIR", "/tmp/r")::get, project))
                .isEqualTo(Path.of("/tmp/r"));
    }
}

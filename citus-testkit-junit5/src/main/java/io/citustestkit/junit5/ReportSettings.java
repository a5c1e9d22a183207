package io.citustestkit.junit5;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where and whether the statement report is written: every cluster records when the run asks for the
 * report ({@value #ENABLED_PROPERTY}{@code =true}, a system property or JUnit configuration parameter,
 * or {@value #ENABLED_VARIABLE}{@code =true}); the report goes to {@value #DIRECTORY_PROPERTY} (or
 * {@value #DIRECTORY_VARIABLE}), else to the build tool's output directory: {@code target/citus-testkit}
 * under Maven, {@code build/citus-testkit} under Gradle, told apart by the build file in the working
 * directory (the module's directory under both).
 *
 * <pre>{@code
 * mvn verify -Dcitus.testkit.report=true   # target/citus-testkit/statements.html
 * }</pre>
 */
final class ReportSettings {

    static final String ENABLED_PROPERTY = "citus.testkit.report";
    static final String ENABLED_VARIABLE = "CITUS_TESTKIT_REPORT";
    static final String DIRECTORY_PROPERTY = "citus.testkit.report.dir";
    static final String DIRECTORY_VARIABLE = "CITUS_TESTKIT_REPORT_DIR";

    private ReportSettings() {
    }

    /** Whether the run asks every cluster to record, for the report. */
    static boolean isRunWide(Function<String, Optional<String>> configuration, Function<String, String> environment) {
        String value = configuration.apply(ENABLED_PROPERTY).filter(text -> !text.isBlank())
                .orElseGet(() -> environment.apply(ENABLED_VARIABLE));
        return value != null && value.strip().equalsIgnoreCase("true");
    }

    /** The directory the report is written to. */
    static Path directory(Function<String, Optional<String>> configuration, Function<String, String> environment, Path workingDirectory) {
        Optional<String> configured = configuration.apply(DIRECTORY_PROPERTY).filter(text -> !text.isBlank())
                .or(() -> Optional.ofNullable(environment.apply(DIRECTORY_VARIABLE)).filter(text -> !text.isBlank()));
        if (configured.isPresent()) {
            return workingDirectory.resolve(configured.get().strip());
        }
        return workingDirectory.resolve(buildOutput(workingDirectory)).resolve("citus-testkit");
    }

    /** {@code target} for Maven, {@code build} for Gradle; {@code target} when neither build file says. */
    static String buildOutput(Path workingDirectory) {
        if (Files.exists(workingDirectory.resolve("pom.xml"))) {
            return "target";
        }
        for (String gradle : new String[] {"build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"}) {
            if (Files.exists(workingDirectory.resolve(gradle))) {
                return "build";
            }
        }
        return Files.isDirectory(workingDirectory.resolve("build")) && !Files.isDirectory(workingDirectory.resolve("target"))
                ? "build" : "target";
    }
}

package io.citustestkit.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A second JVM on this test's class path, for tests of what happens when a JVM ends: Ryuk is
 * disabled in it unless the environment given says otherwise, so only the kit itself can clean up.
 *
 * @param process the running JVM
 * @param output its standard output and error, read line by line
 */
public record ChildJvm(Process process, BufferedReader output) {

    public static ChildJvm start(String mainClass) throws IOException {
        return start(mainClass, Map.of());
    }

    public static ChildJvm start(String mainClass, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass)
                .redirectErrorStream(true);
        builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ChildJvm(process, new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
    }

    /** Reads until a line starts with {@code prefix}; returns the rest of it. */
    public String awaitLine(String prefix) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
        }
        throw new IllegalStateException("The child JVM ended without printing a line starting with '" + prefix + "'");
    }
}

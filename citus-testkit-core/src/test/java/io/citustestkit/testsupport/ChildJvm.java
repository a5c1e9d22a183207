package io.citustestkit.testsupport;

import io.citustestkit.CitusImage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second JVM on this test's class path, with this JVM's Citus image, for tests of what happens when a
 * JVM ends: Ryuk is disabled in it unless the environment given says otherwise, so only the kit itself
 * can clean up.
 *
 * @param process the running JVM
 * @param output its standard output and error, read line by line
 */
public record ChildJvm(Process process, BufferedReader output) {

    public static ChildJvm start(String mainClass) throws IOException {
        return start(mainClass, Map.of());
    }

    public static ChildJvm start(String mainClass, Map<String, String> environment) throws IOException {
        return start(List.of(), mainClass, environment);
    }

    /**
     * A second JVM in a PID namespace of its own (as a CI job in a container that shares the host's
     * Docker socket and host name is), where it is pid 1: {@code unshare --pid --fork --mount-proc}.
     * Ending the {@link #process()} (or closing its standard input) ends it with SIGTERM, so its
     * shutdown hook runs. Needs root and util-linux's {@code unshare}: see {@link #canUnsharePidNamespaces()}.
     */
    public static ChildJvm startInOwnPidNamespace(String mainClass) throws IOException {
        return start(List.of("unshare", "--pid", "--fork", "--mount-proc", "--kill-child=SIGTERM"), mainClass, Map.of());
    }

    /** Whether {@link #startInOwnPidNamespace} works here (root, {@code unshare} present). */
    public static boolean canUnsharePidNamespaces() {
        try {
            Process probe = new ProcessBuilder("unshare", "--pid", "--fork", "--mount-proc", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ChildJvm start(List<String> prefix, String mainClass, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        builder.environment().put("CITUS_TESTKIT_IMAGE", CitusImage.resolve(null).name()); // the image this JVM tests
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ChildJvm(process, new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
    }

    /** Ends the JVM the way a parent that goes away does (its standard input closes), waits, and kills it if it hangs. */
    public void end() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Reads until a line starts with {@code prefix}; returns the rest of it. */
    public String awaitLine(String prefix) throws IOException {
        java.util.Deque<String> last = new java.util.ArrayDeque<>();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
            last.addLast(line);
            if (last.size() > 20) {
                last.removeFirst();
            }
        }
        throw new IllegalStateException("The child JVM ended without printing a line starting with '" + prefix
                + "'; its last lines:\n" + String.join("\n", last));
    }
}

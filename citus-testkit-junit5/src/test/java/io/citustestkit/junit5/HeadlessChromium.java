package io.citustestkit.junit5;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a page in Debian's {@code chromium}, headless, as a user's browser would: a screenshot and the
 * DOM after rendering. Fails (never skips) when chromium is not installed, saying how to install it.
 *
 * <pre>{@code
 * HeadlessChromium.screenshot(page, Path.of("target/statements.png"));
 * String dom = HeadlessChromium.dumpDom(page);
 * }</pre>
 */
final class HeadlessChromium {

    private static final String[] NAMES = {"chromium", "chromium-browser"};
    private static final long TIMEOUT_SECONDS = 180;

    private HeadlessChromium() {
    }

    static void screenshot(Path page, Path png) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,2000");
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new AssertionError("chromium wrote no screenshot of " + page + " to " + png);
        }
    }

    static String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    private static String run(Path page, String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("citus-testkit-chromium");
        Path output = Files.createTempFile("citus-testkit-chromium", ".out");
        Path errors = Files.createTempFile("citus-testkit-chromium", ".err");
        try {
            List<String> command = new ArrayList<>(List.of(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--user-data-dir=" + profile));
            command.addAll(List.of(arguments));
            command.add(page.toAbsolutePath().toUri().toString());
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish rendering " + page + " within " + TIMEOUT_SECONDS + " s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("chromium exited with " + process.exitValue() + " rendering " + page + ": " + command + "\n"
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** chromium on the PATH, or a failure that says how to install it. */
    static Path executable() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : path.split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("This test renders the statement report in a real headless browser, and found no chromium "
                + "on the PATH (" + path + "). Install it: on Debian or Ubuntu `apt-get install -y chromium` (the CI image installs it "
                + "in .ci/run); elsewhere, put a chromium or chromium-browser executable on the PATH.");
    }
}

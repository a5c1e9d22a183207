package io.citustestkit.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * The README's code samples are the tagged regions of these examples, word for word: a sample that
 * drifts from the tested code fails the build. Run {@code scripts/readme-snippets.py} to refresh them.
 * The Spring Boot example's sources ({@code spring-boot/src}, main and test) are read too.
 * Needs no cluster.
 */
class ReadmeSnippetsIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: ([\\w-]+) -->\\n```\\w+\\n(.*?)^```$",
            Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void should_show_in_the_readme_exactly_the_tagged_code_of_the_examples() throws IOException {
        String readme = Files.readString(MODULE.resolveSibling("README.md"));
        Matcher snippets = SNIPPET.matcher(readme);
        List<String> names = new ArrayList<>();

        assertSoftly(softly -> {
            while (snippets.find()) {
                String name = snippets.group(1);
                names.add(name);
                softly.assertThat(snippets.group(2).stripTrailing())
                        .as("README snippet '%s' (refresh with scripts/readme-snippets.py)", name)
                        .isEqualTo(region(name));
            }
        });
        assertThat(names).as("snippets in the README").contains("quick-start", "single-worker", "colocation-guard",
                "spring-boot-recorded-statements");
    }

    private static String region(String name) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(MODULE.resolve("src/test")), Files.walk(MODULE.resolve("spring-boot/src")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).sorted().toList()) {
                boolean inside = false;
                for (String line : Files.readAllLines(file)) {
                    if (line.matches(".*(//|--) tag::" + Pattern.quote(name) + "\\[\\].*")) {
                        inside = true;
                    } else if (line.matches(".*(//|--) end::" + Pattern.quote(name) + "\\[\\].*")) {
                        inside = false;
                    } else if (inside) {
                        lines.add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()).strip();
    }
}

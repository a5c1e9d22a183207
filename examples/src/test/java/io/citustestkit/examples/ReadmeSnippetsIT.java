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
 * The code samples of the README and of every guide under {@code docs/} are the tagged regions of these
 * examples, word for word: a sample that drifts from the tested code fails the build. Run
 * {@code scripts/readme-snippets.py} to refresh them. The Spring Boot example's sources
 * ({@code spring-boot/src}, main and test) are read too. Needs no cluster.
 */
class ReadmeSnippetsIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: ([\\w-]+) -->\\n```\\w+\\n(.*?)^```$",
            Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void should_show_in_the_readme_and_the_guides_exactly_the_tagged_code_of_the_examples() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page);
            Matcher snippets = SNIPPET.matcher(text);
            assertSoftly(softly -> {
                while (snippets.find()) {
                    String name = snippets.group(1);
                    names.add(name);
                    softly.assertThat(snippets.group(2).stripTrailing())
                            .as("snippet '%s' in %s (refresh with scripts/readme-snippets.py)", name, MODULE.getParent().relativize(page))
                            .isEqualTo(region(name));
                }
            });
        }
        assertThat(names).as("snippets in the README and the guides").contains("quick-start", "single-worker", "colocation-guard",
                "spring-boot-recorded-statements");
    }

    @Test
    void should_keep_the_readme_short_and_every_link_to_a_guide_alive() throws IOException {
        Path readme = MODULE.resolveSibling("README.md");
        assertThat(Files.readAllLines(readme)).as("README.md lines (the details belong in docs/)").hasSizeLessThanOrEqualTo(300);
        for (Path page : pages()) {
            Matcher links = Pattern.compile("\\]\\(((?!https?:)[^)#]+\\.md)(#[^)]*)?\\)").matcher(Files.readString(page));
            while (links.find()) {
                assertThat(page.resolveSibling(links.group(1))).as("link %s in %s", links.group(1), page.getFileName()).exists();
            }
        }
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(MODULE.resolveSibling("README.md"));
        pages.add(MODULE.resolveSibling("CHANGELOG.md"));
        try (Stream<Path> docs = Files.list(MODULE.resolveSibling("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
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

package io.citustestkit.snapshot;


import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the {@link SnapshotDirectory} is and how much its sets may take, each set by a system property
 * or else an environment variable: the directory ({@code off} turns it off), by default
 * {@code $XDG_CACHE_HOME/citus-testkit/snapshots}, else {@code ~/.cache/citus-testkit/snapshots}; the
 * size in bytes or with a unit, by default 1 GiB.
 *
 * <pre>{@code
 * Path root = SnapshotDirectorySettings.location(System::getProperty, System::getenv); // null: off
 * long maxSize = SnapshotDirectorySettings.maxSize(System::getProperty, System::getenv);
 * SnapshotDirectorySettings.parseSize("512m"); // 536870912
 * }</pre>
 */
final class SnapshotDirectorySettings {

    /** System property: the directory, or {@code off}. */
    static final String PROPERTY = "citus.testkit.snapshots.dir";
    /** Environment variable: the same, after the property. */
    static final String VARIABLE = "CITUS_TESTKIT_SNAPSHOTS_DIR";
    /** System property: the most the directory's sets may take, e.g. {@code 1g}, {@code 512m}. */
    static final String MAX_SIZE_PROPERTY = "citus.testkit.snapshots.dir.max-size";
    /** Environment variable: the same, after the property. */
    static final String MAX_SIZE_VARIABLE = "CITUS_TESTKIT_SNAPSHOTS_DIR_MAX_SIZE";
    static final long DEFAULT_MAX_SIZE = 1L << 30;

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?");

    private SnapshotDirectorySettings() {
    }

    /**
     * The directory the property (else the variable) names ({@code ~/} is the user's home; {@code off},
     * {@code false} or {@code none}: {@code null}), else {@code $XDG_CACHE_HOME/citus-testkit/snapshots},
     * else {@code <user.home>/.cache/citus-testkit/snapshots}.
     */
    static Path location(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String value = properties.apply(PROPERTY);
        if (value == null || value.isBlank()) {
            value = environment.apply(VARIABLE);
        }
        String home = properties.apply("user.home");
        if (value != null && !value.isBlank()) {
            String path = value.strip();
            if (Set.of("off", "false", "none").contains(path.toLowerCase(Locale.ROOT))) {
                return null;
            }
            if (path.equals("~") || path.startsWith("~/")) {
                path = home + path.substring(1);
            }
            return Path.of(path).toAbsolutePath().normalize();
        }
        String xdg = environment.apply("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache");
        return cache.resolve("citus-testkit").resolve("snapshots").normalize();
    }

    /** The most the directory's sets may take, from the property (else the variable), else 1 GiB (a bad value: logged, default). */
    static long maxSize(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        return SnapshotSettings.setting(MAX_SIZE_PROPERTY, MAX_SIZE_VARIABLE, DEFAULT_MAX_SIZE, "1g",
                SnapshotDirectorySettings::parseSize, properties, environment);
    }

    /**
     * Parses a size: bytes ({@code 1073741824}) or with a unit, {@code k}, {@code m}, {@code g}, {@code t}
     * (powers of 1024; {@code 512m}, {@code 2GiB}, {@code 500MB} alike).
     *
     * @throws IllegalArgumentException if it is not one, or not positive
     */
    static long parseSize(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write bytes or a number with k, m, g or t (512m, 2g).");
        }
        try {
            long amount = Long.parseLong(matcher.group(1));
            int shift = switch (matcher.group(2)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                case "t" -> 40;
                default -> 0;
            };
            if (amount <= 0) {
                throw new IllegalArgumentException("'" + text + "' is not a positive size: give one such as 1g or 512m.");
            }
            if (amount > (Long.MAX_VALUE >> shift)) {
                throw new IllegalArgumentException("'" + text + "' is too large.");
            }
            return amount << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large.", e);
        }
    }
}

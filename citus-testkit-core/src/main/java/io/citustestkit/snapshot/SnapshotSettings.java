package io.citustestkit.snapshot;

import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * How long a snapshot set is used before it is made again, and how long a start waits for another
 * JVM's snapshot lock before it starts cold, each set by a system property or else an environment
 * variable. A duration is written with a unit, {@code 24h}, {@code 90m}, {@code 30s}, {@code 2d},
 * {@code 500ms}, or in ISO-8601, {@code PT24H}, {@code P1D}; it must be positive. A value that is not
 * one is reported at WARN and the default is used.
 *
 * <pre>{@code
 * -Dcitus.testkit.snapshots.max-age=6h          CITUS_TESTKIT_SNAPSHOTS_MAX_AGE=PT6H
 * -Dcitus.testkit.snapshots.lock-timeout=2m     CITUS_TESTKIT_SNAPSHOTS_LOCK_TIMEOUT=2m
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SnapshotSettings {

    /** System property that turns snapshots off when {@code false}; public as {@code CitusTestCluster.SNAPSHOTS_PROPERTY}. */
    public static final String SNAPSHOTS_PROPERTY = "citus.testkit.snapshots";

    /** System property: the age after which a snapshot set is removed and made again (default {@code 24h}). */
    public static final String MAX_AGE_PROPERTY = "citus.testkit.snapshots.max-age";
    /** Environment variable: the same, after the property. */
    public static final String MAX_AGE_VARIABLE = "CITUS_TESTKIT_SNAPSHOTS_MAX_AGE";
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    /** System property: how long a start waits for another JVM's snapshot lock before starting cold (default {@code 5m}). */
    public static final String LOCK_TIMEOUT_PROPERTY = "citus.testkit.snapshots.lock-timeout";
    /** Environment variable: the same, after the property. */
    public static final String LOCK_TIMEOUT_VARIABLE = "CITUS_TESTKIT_SNAPSHOTS_LOCK_TIMEOUT";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSettings.class);
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private SnapshotSettings() {
    }

    /** {@return the configured maximum age of a snapshot set} */
    public static Duration maxAge() {
        return duration(MAX_AGE_PROPERTY, MAX_AGE_VARIABLE, DEFAULT_MAX_AGE, System::getProperty, System::getenv);
    }

    /** {@return the configured bound of a wait for a snapshot lock} */
    public static Duration lockTimeout() {
        return duration(LOCK_TIMEOUT_PROPERTY, LOCK_TIMEOUT_VARIABLE, DEFAULT_LOCK_TIMEOUT, System::getProperty, System::getenv);
    }

    /** The duration the property (else the variable) gives, or {@code fallback} when neither does or it is not one (logged). */
    public static Duration duration(String property, String variable, Duration fallback, UnaryOperator<String> properties,
                             UnaryOperator<String> environment) {
        return setting(property, variable, fallback, describe(fallback), SnapshotSettings::parse, properties, environment);
    }

    /**
     * The value the property (else the variable) gives, parsed, or {@code fallback} when neither is set or the
     * value does not parse (then logged with the parser's message and {@code fallbackText}).
     */
    static <T> T setting(String property, String variable, T fallback, String fallbackText, Function<String, T> parser,
                         UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String value = properties.apply(property);
        String source = property;
        if (value == null || value.isBlank()) {
            value = environment.apply(variable);
            source = variable;
        }
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: {} Using the default, {}.", source, e.getMessage(), fallbackText);
            return fallback;
        }
    }

    /**
     * Parses {@code 24h}, {@code 90m}, {@code 30s}, {@code 2d}, {@code 500ms} or ISO-8601 ({@code PT24H}).
     *
     * @throws IllegalArgumentException if it is none of these, or not positive, saying which forms work
     */
    public static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher withUnit = WITH_UNIT.matcher(value);
        try {
            if (withUnit.matches()) {
                long amount = Long.parseLong(withUnit.group(1));
                duration = switch (withUnit.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } else {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write it with a unit (24h, 90m, 30s, 2d, 500ms) "
                    + "or in ISO-8601 (PT24H).", e);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration: give one such as 24h, 90m or PT24H.");
        }
        return duration;
    }

    /** {@return a duration as people write it: 24h, 5m, 90s, 1500ms} */
    public static String describe(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}

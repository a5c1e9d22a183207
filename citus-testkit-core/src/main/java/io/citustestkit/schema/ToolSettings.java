package io.citustestkit.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a schema tool takes from outside its files and that changes what it applies, for
 * {@link SchemaSource#fingerprint()}:
 * <ul>
 *   <li>Liquibase reads its settings from system properties {@code liquibase.*} and environment variables
 *       {@code LIQUIBASE_*} (contexts: {@code liquibase.command.contextFilter} /
 *       {@code LIQUIBASE_COMMAND_CONTEXT_FILTER}; labels: {@code liquibase.command.labelFilter}; and every
 *       global setting), and gives a changelog every system property and environment variable as a
 *       changelog parameter ({@code ${name}}): all {@code liquibase.*} / {@code LIQUIBASE_*} settings
 *       and the value of every parameter the changelog refers to are covered.</li>
 *   <li>Flyway, as the kit runs it, reads no configuration file, environment variable or system
 *       property (its placeholders cannot be set), so its files and locations are all it applies; only
 *       its built-in placeholders vary, {@code ${flyway:timestamp}} with the time, which the snapshots'
 *       maximum age bounds.</li>
 *   <li>The tool's version, for both.</li>
 * </ul>
 *
 * <pre>{@code
 * List<String> lines = ToolSettings.liquibase(Set.of("schema_name"), System.getProperties(), System.getenv());
 * }</pre>
 */
final class ToolSettings {

    /** A changelog parameter reference: {@code ${name}}. */
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{([^}\\s]+)}");

    private ToolSettings() {
    }

    /**
     * The Liquibase settings that change what it applies, one sorted line each ({@code property
     * liquibase.command.contextFilter=test}, {@code environment LIQUIBASE_...=...}, {@code parameter
     * schema_name: property=..., environment=...}).
     *
     * @param parameters the changelog parameters the changelog refers to
     */
    static List<String> liquibase(Set<String> parameters, Map<?, ?> properties, Map<String, String> environment) {
        Map<String, String> lines = new TreeMap<>();
        properties.forEach((name, value) -> {
            if (String.valueOf(name).toLowerCase(Locale.ROOT).startsWith("liquibase.")) {
                lines.put("property " + name, String.valueOf(value));
            }
        });
        environment.forEach((name, value) -> {
            if (name.toUpperCase(Locale.ROOT).startsWith("LIQUIBASE_")) {
                lines.put("environment " + name, value);
            }
        });
        for (String parameter : parameters) {
            Object property = properties.get(parameter);
            lines.put("parameter " + parameter, "property=" + (property == null ? "(none)" : property)
                    + ", environment=" + environment.getOrDefault(parameter, "(none)"));
        }
        List<String> result = new ArrayList<>();
        lines.forEach((name, value) -> result.add(name + "=" + value));
        return result;
    }

    /** The names of the changelog parameters {@code text} refers to ({@code ${name}}). */
    static Set<String> parameterReferences(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** {@return the Flyway version on the class path, e.g. {@code 13.12.2}, or {@code unknown}} */
    static String flywayVersion() {
        try (InputStream in = ToolSettings.class.getClassLoader().getResourceAsStream("org/flywaydb/core/internal/version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}

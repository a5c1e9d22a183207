package io.citustestkit.schema;

import io.citustestkit.commons.Sha256;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * A schema script and its statements, read from {@code classpath:} or a file path. Reading happens
 * when the location is created, so a missing resource is reported before any container starts.
 *
 * <pre>{@code
 * SchemaLocation schema = SchemaLocation.of("classpath:schema.sql");
 * schema.statements().size();
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class SchemaLocation implements SchemaSource {

    /** Prefix of a location on the class path. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    private final String location;
    private final List<SqlStatement> statements;
    private final String fingerprint;

    private SchemaLocation(String location, List<SqlStatement> statements, String script) {
        this.location = location;
        this.statements = statements;
        this.fingerprint = Sha256.ofText(List.of("sql", script));
    }

    /**
     * Reads and splits the script at {@code location}: {@code classpath:path/in/jar.sql} or a file
     * path ({@code file:} prefix optional).
     *
     * @param location where the script is
     * @return the script's statements, with where they came from
     * @throws IllegalArgumentException if the location is blank, does not exist, or is not a valid script
     */
    public static SchemaLocation of(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("A schema location must not be blank: use 'classpath:schema.sql' "
                    + "for a resource or a file path such as 'src/test/resources/schema.sql'.");
        }
        String script = read(location.strip());
        try {
            return new SchemaLocation(location.strip(), SqlScriptSplitter.split(script), script);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Schema '" + location + "' cannot be split into statements: "
                    + e.getMessage(), e);
        }
    }

    private static String read(String location) {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String resource = location.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/+", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = SchemaLocation.class.getClassLoader();
            }
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("Schema resource '" + location + "' was not found on the class path. "
                            + "Put it under src/test/resources/" + resource + " (or src/main/resources), or give a file path.");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read schema resource '" + location + "'", e);
            }
        }
        Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("Schema file '" + location + "' does not exist (resolved to "
                    + path.toAbsolutePath() + "). Give an existing file, or use 'classpath:...' for a resource.");
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read schema file '" + location + "'", e);
        }
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public void applyTo(DataSource coordinator) {
        try (Connection connection = coordinator.getConnection()) {
            SchemaRunner.apply(connection, List.of(this));
        } catch (SQLException e) {
            throw new SchemaStatementException(location, new SqlStatement(0, 0, "(connecting to the coordinator)"), e);
        }
    }

    /** {@return the script's statements, in order} */
    public List<SqlStatement> statements() {
        return statements;
    }

    @Override
    public String toString() {
        return location;
    }
}

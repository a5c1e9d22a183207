package io.citustestkit.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every file under one Flyway location ({@code classpath:db/migration}, {@code filesystem:src/db}, or
 * a bare path, which Flyway reads as {@code classpath:}), found the way Flyway finds migrations: the
 * directory and its subdirectories, in every class path entry (directory or jar) that holds it. The
 * files are sorted by their path below the location, so the order never depends on the file system.
 *
 * <pre>{@code
 * List<MigrationFiles.File> files = MigrationFiles.scan("classpath:db/migration", "flyway:classpath:db/migration");
 * }</pre>
 */
final class MigrationFiles {

    static final String CLASSPATH = "classpath:";
    static final String FILESYSTEM = "filesystem:";

    private MigrationFiles() {
    }

    /** One file: its path below the location (e.g. {@code V1__create.sql}) and its bytes. */
    record File(String relativePath, byte[] content) {

        static final Comparator<File> ORDER = Comparator.comparing(File::relativePath)
                .thenComparing(file -> HexFormat.of().formatHex(file.content()));
    }

    /**
     * The files under {@code location}.
     *
     * @param location one Flyway location
     * @param source the whole schema source, for messages
     * @throws IllegalArgumentException if the location does not exist or uses a prefix other than
     *                                  {@code classpath:} and {@code filesystem:}
     */
    static List<File> scan(String location, String source) {
        List<File> files = new ArrayList<>();
        if (location.startsWith(FILESYSTEM)) {
            String path = location.substring(FILESYSTEM.length());
            Path directory = Path.of(path);
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("Flyway location '" + location + "' of schema '" + source
                        + "' is not a directory (resolved to " + directory.toAbsolutePath() + "). Give an existing directory "
                        + "(relative paths start at the working directory), or use 'classpath:...' for resources.");
            }
            walk(directory, files);
        } else {
            if (!location.startsWith(CLASSPATH) && location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                throw new IllegalArgumentException("Flyway location '" + location + "' of schema '" + source
                        + "' has an unsupported prefix: use 'classpath:db/migration' or 'filesystem:src/main/resources/db/migration'.");
            }
            String path = trimSlashes(location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location);
            List<URL> roots = resources(path);
            if (roots.isEmpty()) {
                throw new IllegalArgumentException("Flyway location '" + location + "' of schema '" + source
                        + "' was not found on the class path. Put the migrations under src/test/resources/" + path
                        + " (or src/main/resources), or use 'filesystem:path/to/migrations'.");
            }
            for (URL root : roots) {
                read(root, path, files);
            }
        }
        files.sort(File.ORDER);
        return List.copyOf(files);
    }

    private static List<URL> resources(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = MigrationFiles.class.getClassLoader();
        }
        try {
            return Collections.list(loader.getResources(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the class path resources at '" + path + "'", e);
        }
    }

    private static void read(URL root, String path, List<File> files) {
        try {
            if ("file".equals(root.getProtocol())) {
                walk(Path.of(root.toURI()), files);
            } else if ("jar".equals(root.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = path + "/";
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                files.add(new File(entry.getName().substring(prefix.length()), in.readAllBytes()));
                            }
                        }
                    }
                }
            } else {
                throw new IllegalArgumentException("Cannot list the migrations at " + root + " (a '" + root.getProtocol()
                        + "' class path entry); put them in a directory or a jar, or use 'filesystem:...'.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the migrations at " + root, e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot read the migrations at " + root + ": " + e.getMessage(), e);
        }
    }

    private static void walk(Path directory, List<File> files) {
        if (!Files.isDirectory(directory)) {
            return; // a plain resource of that name, not a location
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String relative = String.join("/", Arrays.stream(directory.relativize(file).toString()
                        .split(java.util.regex.Pattern.quote(file.getFileSystem().getSeparator()))).toList());
                files.add(new File(relative, Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the migrations under " + directory, e);
        }
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }
}

package io.citustestkit.report;

import io.citustestkit.commons.CitusTestkitException;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Writes a {@link StatementReport} into a directory: {@code statements.html}, {@code statements.json}
 * and {@code statements.schema.json}. Each file is written to a temporary file next to it and renamed
 * over it, so a reader never sees half a report.
 *
 * <pre>{@code
 * Path page = ReportFiles.write(report, Path.of("target", "citus-testkit")); // target/citus-testkit/statements.html
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportFiles {

    /** The page's file name. */
    public static final String HTML = "statements.html";
    /** The JSON file's name. */
    public static final String JSON = "statements.json";
    /** The JSON schema's file name. */
    public static final String SCHEMA = "statements.schema.json";

    private ReportFiles() {
    }

    /**
     * Writes the report into {@code directory}, creating it if needed.
     *
     * @param report the report
     * @param directory where to write it
     * @return the page, {@code directory/statements.html}
     * @throws CitusTestkitException naming the file that could not be written, with the cause
     */
    public static Path write(StatementReport report, Path directory) {
        Path target = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw failed(target, e);
        }
        replace(target.resolve(SCHEMA), out -> out.write(schema()));
        replace(target.resolve(JSON), out -> ReportJson.write(report, out));
        Path html = target.resolve(HTML);
        replace(html, out -> ReportHtml.write(report, out));
        return html;
    }

    /** {@return the JSON schema of {@code statements.json}} */
    public static String schema() {
        try (InputStream in = ReportFiles.class.getResourceAsStream(ReportJson.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The class path lacks " + ReportJson.SCHEMA_RESOURCE + " (citus-testkit-core's jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + ReportJson.SCHEMA_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static void replace(Path file, Content content) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            PosixFileAttributeView posix = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--")); // a temporary file is private; a report is not
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw failed(file, e);
        }
    }

    private static CitusTestkitException failed(Path path, IOException e) {
        return new CitusTestkitException("Could not write the statement report to " + path + ": " + e
                + ". Make the directory writable, or choose another with -Dcitus.testkit.report.dir=<directory> "
                + "(or CITUS_TESTKIT_REPORT_DIR).", e);
    }
}

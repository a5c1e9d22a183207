package io.citustestkit.snapshot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@value #FILE} of a {@link SnapshotDirectory}: one line per set in it (key, Citus image,
 * content), sorted, without times, so that a CI cache keyed by its hash changes only when the sets do.
 *
 * <pre>{@code
 * new SnapshotKeysFile(directory.root()).write();
 * // 3f2a9c0d81b7e645 citusdata/citus:14.0.1 (3 nodes, 4 distributed tables, 128 shards)
 * }</pre>
 */
final class SnapshotKeysFile {

    /** The file that lists the sets, for a CI cache key. */
    static final String FILE = "keys.txt";

    /** The snapshot directory's log category, whichever of its classes writes the line. */
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDirectory.class);

    private final Path root;

    SnapshotKeysFile(Path root) {
        this.root = root;
    }

    /**
     * Rewrites the file from the sets' manifests (a set whose manifest does not read is not listed),
     * through a temporary file renamed into place. A failure is logged, never thrown.
     */
    void write() {
        List<String> lines = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (SnapshotDirectory.isSetName(name) && Files.isDirectory(child)) {
                    try {
                        SnapshotManifest manifest = SnapshotManifest.read(child.resolve(SnapshotManifest.FILE));
                        lines.add(name + " " + manifest.image() + " (" + manifest.contentSummary() + ")");
                    } catch (IOException e) {
                        // not a set (yet): not listed
                    }
                }
            }
            lines.sort(null);
            List<String> file = new ArrayList<>();
            file.add("# citus-testkit snapshot sets in this directory: key, Citus image, content. Written by the kit;");
            file.add("# a CI cache can be keyed by this file's hash (it changes only when the sets do).");
            file.addAll(lines);
            Path temporary = SnapshotDirectoryTrees.temporary(root, FILE);
            Files.write(temporary, file, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, root.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, root.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            LOG.warn("Could not write {} in {}: {}", FILE, root, e.getMessage(), e);
        }
    }
}

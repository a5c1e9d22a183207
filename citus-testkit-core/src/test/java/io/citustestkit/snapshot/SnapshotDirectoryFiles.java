package io.citustestkit.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cluster tests of the root package read of a {@link SnapshotDirectory} (its classes are
 * package-private): the settings' names, a set's manifest and whether its archives check.
 */
public final class SnapshotDirectoryFiles {

    /** The system property that names the directory. */
    public static final String PROPERTY = SnapshotDirectorySettings.PROPERTY;
    /** The environment variable that names the directory. */
    public static final String VARIABLE = SnapshotDirectorySettings.VARIABLE;
    /** The file a CI cache is keyed by. */
    public static final String KEYS_FILE = SnapshotKeysFile.FILE;
    /** A set's manifest. */
    public static final String MANIFEST = SnapshotManifest.FILE;

    private SnapshotDirectoryFiles() {
    }

    /** {@return the set id recorded in the manifest of {@code set}} */
    public static String setId(Path set) throws IOException {
        return SnapshotManifest.read(set.resolve(MANIFEST)).setId();
    }

    /** {@return why each archive of {@code set} does not check, empty when all do} */
    public static List<String> mismatches(Path set) throws IOException {
        List<String> problems = new ArrayList<>();
        for (SnapshotManifest.Node node : SnapshotManifest.read(set.resolve(MANIFEST)).nodes()) {
            String problem = SnapshotArchive.mismatch(set.resolve(node.archive()), node);
            if (problem != null) {
                problems.add(node.name() + ": " + problem);
            }
        }
        return problems;
    }

    /** Waits until the snapshot writes queued in the background (archives, images from archives) are done (at most a minute); fails if not. */
    public static void awaitWrites() {
        if (!BackgroundWrites.awaitIdle(java.time.Duration.ofMinutes(1))) {
            throw new AssertionError("the background snapshot writes did not finish within a minute");
        }
    }

    /** {@return how many sets this JVM wrote to a directory} */
    public static int writes() {
        return SnapshotSetWriter.writes();
    }
}

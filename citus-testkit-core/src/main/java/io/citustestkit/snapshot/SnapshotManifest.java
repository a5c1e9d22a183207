package io.citustestkit.snapshot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The readable description of a snapshot set kept in a {@link SnapshotDirectory}: the key and the
 * inputs it hashes, the Citus image, what the cluster held, and per node its archive with size and
 * SHA-256. Written last into a set (a set without one is not a set), read and checked before any
 * archive is used.
 *
 * <pre>{@code
 * {
 *   "formatVersion" : 1,
 *   "key" : "3f2a9c0d81b7e645",
 *   "keyParts" : [ "format 1", "image sha256:...", "workers 2", ... ],
 *   "created" : "2026-12-06T20:01:02.345Z",
 *   "nodes" : [ { "name" : "coordinator", "archive" : "coordinator.tar.gz", "bytes" : 7340032, "sha256" : "..." }, ... ]
 * }
 * }</pre>
 *
 * @param formatVersion {@value #FORMAT_VERSION}; a set written in another format is never used
 * @param key the snapshot key, also the set's directory name
 * @param keyParts what the key hashes, readable
 * @param setId the id of the snapshot run the archives come from
 * @param created when the set was made (ISO-8601)
 * @param image the Citus image the nodes start from, as the user named it
 * @param dataDirectory where the archives' data directory goes in a node's container
 * @param contentDigest digest of what the cluster held ({@link SnapshotContent#digest()})
 * @param contentSummary the same, counted ({@link SnapshotContent#summary()})
 * @param nodes one archive per node, coordinator first
 */
record SnapshotManifest(int formatVersion, String key, List<String> keyParts, String setId, String created, String image,
                        String dataDirectory, String contentDigest, String contentSummary, List<Node> nodes) {

    /** Bumped when the layout of a set changes; a set of another version is removed and made again. */
    static final int FORMAT_VERSION = 1;
    /** The manifest's file name inside a set's directory. */
    static final String FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ARCHIVE_NAME = Pattern.compile("[a-z0-9-]+\\.tar\\.gz");

    /**
     * One node's archive: its data directory as a gzip-compressed tar.
     *
     * @param name the node, e.g. {@code worker-1}
     * @param archive the file name inside the set's directory, e.g. {@code worker-1.tar.gz}
     * @param bytes the archive's size
     * @param sha256 the archive's SHA-256, hexadecimal
     */
    record Node(String name, String archive, long bytes, String sha256) {
    }

    SnapshotManifest {
        keyParts = keyParts == null ? List.of() : List.copyOf(keyParts);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** {@return when the set was made} */
    Instant createdAt() {
        return Instant.parse(created);
    }

    /** {@return the archives' total size in bytes} */
    long archiveBytes() {
        return nodes.stream().mapToLong(Node::bytes).sum();
    }

    /** {@return the node named {@code name}, or {@code null}} */
    Node node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst().orElse(null);
    }

    /** Writes the manifest as indented JSON. */
    void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /** {@return the manifest as indented JSON} */
    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads and checks a manifest.
     *
     * @throws IOException if it cannot be read, is not JSON of this shape, or does not check (which field, and why)
     */
    static SnapshotManifest read(Path file) throws IOException {
        SnapshotManifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), SnapshotManifest.class);
        } catch (IOException e) {
            throw new IOException("manifest " + file + " is not readable JSON of a snapshot set: " + e.getMessage(), e);
        }
        String problem = manifest.problem();
        if (problem != null) {
            throw new IOException("manifest " + file + " does not check: " + problem);
        }
        return manifest;
    }

    /** {@return what is wrong with this manifest, or {@code null} when it checks} */
    String problem() {
        if (formatVersion != FORMAT_VERSION) {
            return "format version " + formatVersion + ", this version of the kit reads " + FORMAT_VERSION;
        }
        if (key == null || key.isBlank() || setId == null || image == null || dataDirectory == null || contentDigest == null) {
            return "key, setId, image, dataDirectory and contentDigest are required";
        }
        try {
            createdAt();
        } catch (DateTimeParseException | NullPointerException e) {
            return "created '" + created + "' is not an ISO-8601 instant";
        }
        if (nodes.isEmpty() || !"coordinator".equals(nodes.get(0).name())) {
            return "the nodes must start with the coordinator, found " + nodes.stream().map(Node::name).toList();
        }
        for (Node node : nodes) {
            if (node.archive() == null || !ARCHIVE_NAME.matcher(node.archive()).matches()) {
                return "node " + node.name() + ": archive '" + node.archive() + "' is not a file name such as worker-1.tar.gz";
            }
            if (node.sha256() == null || !HEX_64.matcher(node.sha256()).matches()) {
                return "node " + node.name() + ": sha256 '" + node.sha256() + "' is not 64 hexadecimal characters";
            }
            if (node.bytes() <= 0) {
                return "node " + node.name() + ": size " + node.bytes() + " is not positive";
            }
        }
        return null;
    }
}

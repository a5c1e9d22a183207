package io.citustestkit.snapshot;

import io.citustestkit.node.InitializedImageCache;

import com.github.dockerjava.api.DockerClient;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One node's data directory as a file: read out of a container with Docker's archive API (no
 * {@code docker} command), kept as a gzip-compressed tar with its SHA-256, which the Docker engine unpacks into a new
 * container before it starts ({@link io.citustestkit.node.NodeContainer#restoreBeforeStart}), owners and modes as they were.
 *
 * <pre>{@code
 * SnapshotManifest.Node node = SnapshotArchive.write(docker, containerId, "coordinator", setDirectory.resolve("coordinator.tar.gz"));
 * container.restoreBeforeStart(file, "/citus-testkit"); // NodeContainer: the Docker engine unpacks it
 * }</pre>
 */
final class SnapshotArchive {

    private static final int BUFFER = 1 << 16;

    private SnapshotArchive() {
    }

    /**
     * Writes the data directory ({@link InitializedImageCache#DATA_DIRECTORY}) of container
     * {@code containerId} (running or only created) to {@code file}, gzip-compressed.
     *
     * @return the node's entry of a manifest: file name, size, SHA-256
     */
    static SnapshotManifest.Node write(DockerClient docker, String containerId, String nodeName, Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream tar = docker.copyArchiveFromContainerCmd(containerId, InitializedImageCache.DATA_DIRECTORY).exec();
             OutputStream out = new FastGzipOutputStream(new DigestOutputStream(
                     new BufferedOutputStream(Files.newOutputStream(file), BUFFER), sha256))) {
            tar.transferTo(out);
        }
        return new SnapshotManifest.Node(nodeName, file.getFileName().toString(), Files.size(file),
                HexFormat.of().formatHex(sha256.digest()));
    }

    /** {@return the SHA-256 of a file, hexadecimal} */
    static String sha256Of(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Why {@code file} is not the archive {@code node} describes (missing, another size, another
     * SHA-256), or {@code null} when it is.
     */
    static String mismatch(Path file, SnapshotManifest.Node node) {
        try {
            if (!Files.isRegularFile(file)) {
                return "archive " + file + " is missing";
            }
            long size = Files.size(file);
            if (size != node.bytes()) {
                return "archive " + file + " has " + size + " bytes, the manifest says " + node.bytes();
            }
            String actual = sha256Of(file);
            if (!actual.equals(node.sha256())) {
                return "archive " + file + " has SHA-256 " + actual + ", the manifest says " + node.sha256();
            }
            return null;
        } catch (IOException e) {
            return "archive " + file + " cannot be read: " + e.getMessage();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Gzip at the fastest level: a data directory compresses well anyway, and the time is the cluster start's. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}

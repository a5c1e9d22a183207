package io.citustestkit.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.apiguardian.api.API;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The container of one node: a {@link PostgreSQLContainer} that can be given a data directory before it
 * starts, as a gzip-compressed tar that the Docker engine unpacks itself (its archive API takes gzip):
 * nothing is decompressed or re-packed in the JVM, which made a start from the snapshot directory
 * seconds slower than one from images.
 *
 * <pre>{@code
 * container.restoreBeforeStart(Path.of("coordinator.tar.gz"), "/citus-testkit"); // unpacked into /citus-testkit
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public class NodeContainer extends PostgreSQLContainer {

    private Path archive;
    private String archiveParent;

    NodeContainer(DockerImageName image) {
        super(image);
    }

    /**
     * Unpacks {@code gzipTar} into {@code parentDirectory} of the container once it is created, before it
     * starts (entries keep their owners and modes); a directory the image has takes one call to the engine.
     *
     * @return this container
     */
    public NodeContainer restoreBeforeStart(Path gzipTar, String parentDirectory) {
        this.archive = gzipTar;
        this.archiveParent = parentDirectory;
        return this;
    }

    @Override
    protected void containerIsCreated(String containerId) {
        super.containerIsCreated(containerId);
        if (archive != null) {
            unpackIntoExisting(getDockerClient(), containerId, archive, archiveParent);
        }
    }

    /**
     * Unpacks {@code gzipTar} into {@code parentDirectory} of container {@code containerId} (created, not
     * necessarily started), making the directory first.
     *
     * @throws UncheckedIOException if the archive cannot be read
     */
    public static void unpack(DockerClient docker, String containerId, Path gzipTar, String parentDirectory) {
        makeDirectories(docker, containerId, parentDirectory);
        unpackInto(docker, containerId, gzipTar, parentDirectory);
    }

    /**
     * Unpacks {@code gzipTar} into {@code parentDirectory} of container {@code containerId} in one call to the
     * engine when the image has the directory (each call into a container that has not started costs the engine
     * a mount of its file system: a fifth of a second on a 2-core runner); makes it first only when it is missing.
     *
     * @throws UncheckedIOException if the archive cannot be read
     */
    static void unpackIntoExisting(DockerClient docker, String containerId, Path gzipTar, String parentDirectory) {
        try {
            unpackInto(docker, containerId, gzipTar, parentDirectory);
        } catch (NotFoundException missing) { // an image without the directory: make it, then unpack
            unpack(docker, containerId, gzipTar, parentDirectory);
        }
    }

    private static void unpackInto(DockerClient docker, String containerId, Path gzipTar, String parentDirectory) {
        try (InputStream tar = Files.newInputStream(gzipTar)) {
            docker.copyArchiveToContainerCmd(containerId).withTarInputStream(tar).withRemotePath(parentDirectory).exec();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy snapshot archive " + gzipTar + " into the container: " + e.getMessage(), e);
        }
    }

    /** Makes {@code path} and its parents in container {@code containerId}: the engine unpacks only into a directory that exists. */
    private static void makeDirectories(DockerClient docker, String containerId, String path) {
        try {
            docker.copyArchiveToContainerCmd(containerId).withTarInputStream(directories(path)).withRemotePath("/").exec();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make " + path + " in the container: " + e.getMessage(), e);
        }
    }

    /** A tar of {@code path}'s directories, each owned by root with mode 755, as the image's own directories are. */
    private static InputStream directories(String path) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            StringBuilder name = new StringBuilder();
            for (Path part : Path.of(path)) {
                name.append(part).append('/');
                TarArchiveEntry entry = new TarArchiveEntry(name.toString());
                entry.setMode(040755);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}

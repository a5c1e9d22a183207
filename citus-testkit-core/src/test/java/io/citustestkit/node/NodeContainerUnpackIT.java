package io.citustestkit.node;

import com.github.dockerjava.api.DockerClient;
import io.citustestkit.CitusImage;
import io.citustestkit.docker.KitLabels;
import io.citustestkit.testsupport.DataDirectoryArchives;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node's archive unpacked by the Docker engine into a container that is created and not started, as
 * a start from the snapshot directory does: into a directory the Citus image has (one call), and into
 * one it does not have (made first), owners and modes kept.
 */
@EnabledIfCitusImage
class NodeContainerUnpackIT {

    @TempDir
    Path directory;

    @Test
    void should_unpack_into_a_directory_of_the_image_and_into_one_it_has_to_make() throws IOException {
        Path archive = DataDirectoryArchives.withPgVersion(directory.resolve("node.tar.gz"));
        DockerClient docker = DockerClientFactory.instance().client();
        Map<String, String> labels = new HashMap<>(DockerClientFactory.DEFAULT_LABELS);
        labels.put(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID);
        labels.put(KitLabels.MANAGED, "true");
        String container = docker.createContainerCmd(CitusImage.resolve(null).dockerName()).withLabels(labels).exec().getId();
        try {
            NodeContainer.unpackIntoExisting(docker, container, archive, "/var/lib/postgresql");
            assertThat(entry(docker, container, "/var/lib/postgresql/pgdata/PG_VERSION"))
                    .as("unpacked into the image's /var/lib/postgresql").isEqualTo("PG_VERSION 999:999 600 18\n");

            NodeContainer.unpackIntoExisting(docker, container, archive, "/citus-testkit-made/here");
            assertThat(entry(docker, container, "/citus-testkit-made/here/pgdata/PG_VERSION"))
                    .as("unpacked into a directory the engine had to make first").isEqualTo("PG_VERSION 999:999 600 18\n");
        } finally {
            docker.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    /** {@return the file at {@code path} of {@code container} as "name uid:gid mode content"} */
    private static String entry(DockerClient docker, String container, String path) throws IOException {
        try (InputStream in = docker.copyArchiveFromContainerCmd(container, path).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry = tar.getNextEntry();
            return entry.getName() + " " + entry.getLongUserId() + ":" + entry.getLongGroupId() + " "
                    + Integer.toOctalString(entry.getMode() & 0777) + " " + new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

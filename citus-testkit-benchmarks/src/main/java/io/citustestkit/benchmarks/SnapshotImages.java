package io.citustestkit.benchmarks;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import org.testcontainers.DockerClientFactory;

import java.util.Map;

/** Removes every cluster snapshot image, so that the benchmark's next start of a configuration makes its set. */
final class SnapshotImages {

    private SnapshotImages() {
    }

    static void removeAll() {
        DockerClient docker = DockerClientFactory.instance().client();
        for (Image image : docker.listImagesCmd().withShowAll(true).withLabelFilter(Map.of("io.citustestkit.snapshot", "true")).exec()) {
            docker.removeImageCmd(image.getId()).withForce(true).exec();
        }
    }
}

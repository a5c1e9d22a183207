package io.citustestkit;

import io.citustestkit.testsupport.ChildJvm;
import io.citustestkit.testsupport.ClusterInChildJvm;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a registry mirror ({@code hub.image.name.prefix}), the image the kit checks, pulls and runs
 * is the substituted one, the same for the pre-check and every node.
 */
@EnabledIfCitusImage
class ImageSubstitutionIT {

    private static final String PREFIX = "mirror.citus-testkit.test:5000/";

    @Test
    void should_check_and_run_the_image_testcontainers_substitutes() throws Exception {
        String image = CitusImage.resolve(null).dockerName();
        String mirrored = PREFIX + image;
        var docker = DockerClientFactory.instance().client();
        int colon = mirrored.lastIndexOf(':');
        docker.tagImageCmd(image, mirrored.substring(0, colon), mirrored.substring(colon + 1)).exec();
        ChildJvm child = ChildJvm.start(ClusterInChildJvm.class.getName(),
                Map.of("TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX", PREFIX, "CITUS_TESTKIT_IMAGE", image,
                        "CITUS_TESTKIT_SNAPSHOTS", "false")); // nodes from the Citus image itself, not from a snapshot of it
        try {
            String clusterId = child.awaitLine("CLUSTER ");

            List<String> images = docker.listContainersCmd().withLabelFilter(Map.of(ContainerLabels.CLUSTER, clusterId)).exec()
                    .stream().map(container -> container.getImage()).toList();
            assertThat(images).as("the images of the child JVM's nodes").hasSize(2).containsOnly(mirrored);
        } finally {
            child.process().destroy();
            child.process().waitFor(60, TimeUnit.SECONDS);
            docker.removeImageCmd(mirrored).exec(); // removes the tag only
        }
    }
}

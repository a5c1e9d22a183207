package io.citustestkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImagePresenceTest {

    @Test
    void should_name_the_image_where_its_name_came_from_why_and_how_to_choose_another() {
        CitusImage image = CitusImage.resolve("acme/citus:9.9");

        String message = ImagePresence.notObtainable(image, "Status 500: no such host\n");

        assertThat(message).isEqualTo("Could not obtain the Citus image 'acme/citus:9.9' (set in code): Status 500: no such host\n"
                + "  It is not present locally and could not be pulled. Pull or build it first, or choose the image with "
                + "CitusTestCluster.builder().image(..) (or @CitusCluster(image = ..)), the system property citus.testkit.image, "
                + "or the environment variable CITUS_TESTKIT_IMAGE (pinned default: " + CitusImage.DEFAULT_IMAGE + ").");
    }
}

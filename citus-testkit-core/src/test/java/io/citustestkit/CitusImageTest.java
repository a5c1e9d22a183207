package io.citustestkit;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitusImageTest {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void should_prefer_the_value_set_in_code() {
        CitusImage image = CitusImage.resolve("my/citus:1", Map.of(CitusImage.SYSTEM_PROPERTY, "p:1")::get,
                Map.of(CitusImage.ENVIRONMENT_VARIABLE, "e:1")::get);

        assertThat(image.name()).isEqualTo("my/citus:1");
        assertThat(image.source()).isEqualTo("set in code");
    }

    @Test
    void should_take_the_system_property_before_the_environment_variable() {
        CitusImage image = CitusImage.resolve(null, Map.of(CitusImage.SYSTEM_PROPERTY, "p:1")::get,
                Map.of(CitusImage.ENVIRONMENT_VARIABLE, "e:1")::get);

        assertThat(image).hasToString("p:1 (system property citus.testkit.image)");
    }

    @Test
    void should_take_the_environment_variable_when_no_property_is_set() {
        CitusImage image = CitusImage.resolve(null, NONE::get, Map.of(CitusImage.ENVIRONMENT_VARIABLE, " e:1 ")::get);

        assertThat(image).hasToString("e:1 (environment variable CITUS_TESTKIT_IMAGE)");
    }

    @Test
    void should_fall_back_to_the_pinned_official_tag_never_latest() {
        CitusImage image = CitusImage.resolve(null, NONE::get, NONE::get);

        assertThat(image.name()).isEqualTo(CitusImage.DEFAULT_IMAGE).startsWith("citusdata/citus:").doesNotEndWith(":latest");
    }

    @Test
    void should_reject_a_blank_image_set_in_code() {
        assertThatThrownBy(() -> CitusImage.resolve(" ", NONE::get, NONE::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The Citus image must not be blank")
                .hasMessageContaining(CitusImage.SYSTEM_PROPERTY).hasMessageContaining(CitusImage.ENVIRONMENT_VARIABLE);
    }

    @Test
    void should_name_the_image_where_its_name_came_from_why_and_how_to_choose_another() {
        CitusImage image = CitusImage.resolve("acme/citus:9.9");

        String message = image.notObtainable("Status 500: no such host\n");

        assertThat(message).isEqualTo("Could not obtain the Citus image 'acme/citus:9.9' (set in code): Status 500: no such host\n"
                + "  It is not present locally and could not be pulled. Pull or build it first, or choose the image with "
                + "CitusTestCluster.builder().image(..) (or @CitusCluster(image = ..)), the system property citus.testkit.image, "
                + "or the environment variable CITUS_TESTKIT_IMAGE (pinned default: " + CitusImage.DEFAULT_IMAGE + ").");
    }
}

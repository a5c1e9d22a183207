package io.citustestkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerEnvironmentTest {

    @Test
    void should_say_docker_is_not_reachable_how_testcontainers_looks_for_it_and_how_to_fix_it() {
        assertThat(DockerEnvironment.notReachableMessage())
                .startsWith("Docker is not reachable, so no Citus cluster can be started.\n")
                .contains("DOCKER_HOST", "~/.testcontainers.properties", "docker context", "unix:///var/run/docker.sock")
                .contains("Start Docker (or point DOCKER_HOST at a running engine) and run again")
                .contains("https://java.testcontainers.org/supported_docker_environment/");
    }

    @Test
    void should_say_that_docker_answers_but_ryuk_cannot_start_naming_the_image_and_the_way_out() {
        assertThat(DockerEnvironment.ryukNotStartableMessage("testcontainers/ryuk:0.14.0", "pull access denied"))
                .startsWith("Docker answers, but Testcontainers' Ryuk container cannot be started: its image "
                        + "'testcontainers/ryuk:0.14.0' is not present and could not be pulled (pull access denied).")
                .contains("TESTCONTAINERS_RYUK_DISABLED=true", "hub.image.name.prefix", "~/.testcontainers.properties")
                .doesNotContain("not reachable");
    }
}

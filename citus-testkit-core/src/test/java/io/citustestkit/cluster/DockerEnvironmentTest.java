package io.citustestkit.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerEnvironmentTest {

    @Test
    void should_say_docker_is_not_reachable_how_testcontainers_looks_for_it_and_how_to_fix_it() {
        assertThat(DockerEnvironment.notReachableMessage())
                .startsWith("Docker is not reachable, so no Citus cluster can be started.\n")
                .contains("DOCKER_HOST", "~/.testcontainers.properties", "docker context", "unix:///var/run/docker.sock")
                .contains("Start Docker (or point DOCKER_HOST at a running engine) and run again")
                .contains("TESTCONTAINERS_RYUK_DISABLED=true")
                .contains("https://java.testcontainers.org/supported_docker_environment/");
    }
}

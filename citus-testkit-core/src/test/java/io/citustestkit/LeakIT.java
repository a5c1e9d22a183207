package io.citustestkit;

import io.citustestkit.testsupport.ClusterInChildJvm;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.Leftovers;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing survives: not a test that throws, not a JVM that is ended without close(), with Ryuk disabled or not. */
@EnabledIfCitusImage
class LeakIT {

    @Test
    void should_leave_nothing_when_the_jvm_is_ended_without_closing_the_cluster() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClusterInChildJvm.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true"); // only the kit's own shutdown hook can clean up
        Process child = builder.start();
        String clusterId = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("CLUSTER ")) {
                    clusterId = line.substring("CLUSTER ".length()).strip();
                    break;
                }
            }
            assertThat(clusterId).as("the child JVM printed its cluster id").isNotNull();
            assertThat(Leftovers.containers(clusterId)).as("containers while the child runs").isEqualTo(2);

            child.destroy(); // SIGTERM: the JVM exits without anyone calling close()
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(Leftovers.containers(clusterId)).as("containers of the killed JVM's cluster").isZero();
        assertThat(Leftovers.networks(clusterId)).as("networks of the killed JVM's cluster").isZero();
    }

    @Test
    void should_leave_nothing_when_the_code_using_the_cluster_throws() {
        String[] id = new String[1];
        assertThatThrownBy(() -> {
            try (CitusTestCluster cluster = CitusTestCluster.builder().workers(1).shardCount(2).start()) {
                id[0] = cluster.id();
                cluster.execute("SELECT * FROM no_such_table");
            }
        }).isInstanceOf(CitusTestkitException.class)
                .hasMessageContaining("relation \"no_such_table\" does not exist");

        assertThat(Leftovers.containers(id[0])).isZero();
        assertThat(Leftovers.networks(id[0])).isZero();
    }
}

package io.citustestkit;

import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.docker.ImagePresence;
import io.citustestkit.docker.JvmOwner;
import io.citustestkit.testsupport.ChildJvm;
import io.citustestkit.testsupport.ClusterInChildJvm;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import io.citustestkit.testsupport.Leftovers;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Nothing survives: not a test that throws, not a JVM that is ended without close() or killed with
 * SIGKILL while Ryuk is disabled; and a Ryuk that cannot start is said at once.
 */
@EnabledIfCitusImage
class LeakIT {

    @Test
    void should_leave_nothing_when_the_jvm_is_ended_without_closing_the_cluster() throws Exception {
        ChildJvm child = ChildJvm.start(ClusterInChildJvm.class.getName());
        String clusterId;
        try {
            clusterId = child.awaitLine("CLUSTER ");
            assertThat(Leftovers.containers(clusterId)).as("containers while the child runs").isEqualTo(2);

            child.process().destroy(); // SIGTERM: the JVM exits without anyone calling close()
            assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
        } finally {
            child.process().destroyForcibly();
        }
        assertThat(Leftovers.containers(clusterId)).as("containers of the killed JVM's cluster").isZero();
        assertThat(Leftovers.networks(clusterId)).as("networks of the killed JVM's cluster").isZero();
    }

    @Test
    void should_remove_the_cluster_of_a_killed_jvm_at_the_next_start_and_leave_running_clusters_alone() throws Exception {
        ChildJvm killed = ChildJvm.start(ClusterInChildJvm.class.getName());
        ChildJvm running = ChildJvm.start(ClusterInChildJvm.class.getName());
        try {
            String killedCluster = killed.awaitLine("CLUSTER ");
            String runningCluster = running.awaitLine("CLUSTER ");
            killed.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(killed.process().waitFor(60, TimeUnit.SECONDS)).as("the killed JVM ended").isTrue();
            assertThat(Leftovers.containers(killedCluster)).as("what SIGKILL left behind").isEqualTo(2);

            try (CitusTestCluster next = CitusTestCluster.builder().workers(0).shardCount(2).start()) {
                assertThat(Leftovers.containers(killedCluster)).as("containers of the killed JVM's cluster").isZero();
                assertThat(Leftovers.networks(killedCluster)).as("networks of the killed JVM's cluster").isZero();
                assertThat(Leftovers.containers(runningCluster)).as("the cluster of a JVM that still runs").isEqualTo(2);
                assertThat(Leftovers.containers(next.id())).as("the new cluster").isEqualTo(1);
            }
            assertThat(running.process().isAlive()).as("the other JVM is unharmed").isTrue();
        } finally {
            killed.process().destroyForcibly();
            running.process().destroy(); // SIGTERM: its shutdown hook removes its cluster
            running.process().waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void should_keep_the_clusters_of_jvms_in_other_pid_namespaces_while_each_starts_one() throws Exception {
        assumeThat(ChildJvm.canUnsharePidNamespaces()).as("needs root and unshare (util-linux)").isTrue();
        ChildJvm first = ChildJvm.startInOwnPidNamespace(ClusterInChildJvm.class.getName());
        ChildJvm second = null;
        String firstCluster = null;
        String secondCluster = null;
        try {
            firstCluster = first.awaitLine("CLUSTER ");
            JvmOwner firstOwner = ownerOf(firstCluster);
            assertThat(firstOwner.pidNamespace()).as("the child runs in a PID namespace of its own")
                    .isNotEqualTo(JvmOwner.current().pidNamespace());
            assertThat(firstOwner.pid()).as("where it is the first process").isEqualTo(1);

            try (CitusTestCluster mine = CitusTestCluster.builder().workers(0).shardCount(2).start()) {
                assertThat(Leftovers.containers(firstCluster)).as("the other namespace's cluster after this JVM started one")
                        .isEqualTo(2);

                second = ChildJvm.startInOwnPidNamespace(ClusterInChildJvm.class.getName());
                secondCluster = second.awaitLine("CLUSTER ");
                assertThat(ownerOf(secondCluster).pid()).as("pid 1 too, in yet another namespace").isEqualTo(1);
                assertThat(Leftovers.containers(firstCluster)).as("the first namespace's cluster after the second started one")
                        .isEqualTo(2);
                assertThat(Leftovers.containers(mine.id())).as("this JVM's cluster after the second started one").isEqualTo(1);
                mine.execute("SELECT 1"); // this JVM's cluster still answers
            }
            assertThat(first.process().isAlive()).as("the first child is unharmed").isTrue();
            assertThat(second.process().isAlive()).as("the second child is unharmed").isTrue();
        } finally {
            first.end();
            if (second != null) {
                second.end();
            }
        }
        assertThat(Leftovers.containers(firstCluster)).as("the first child removed its cluster at its end").isZero();
        assertThat(Leftovers.containers(secondCluster)).as("the second child removed its cluster at its end").isZero();
    }

    private static JvmOwner ownerOf(String clusterId) {
        String label = DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.CLUSTER, clusterId)).exec().get(0).getLabels().get(ContainerLabels.OWNER);
        return JvmOwner.parse(label).orElseThrow(() -> new AssertionError("no owner label on cluster " + clusterId + ": " + label));
    }

    @Test
    void should_say_in_seconds_that_ryuk_cannot_start_when_its_image_cannot_be_pulled() throws Exception {
        String ryuk = DockerEnvironment.RYUK_IMAGE;
        assumeThat(ImagePresence.isPresentLocally(ryuk)).as("only where %s is absent (as on a machine without a registry)", ryuk)
                .isFalse();
        long started = System.nanoTime();
        ChildJvm child = ChildJvm.start(ClusterInChildJvm.class.getName(), Map.of("TESTCONTAINERS_RYUK_DISABLED", "false"));
        try {
            String failure = child.awaitLine("FAILED ");
            assertThat(failure).startsWith("Docker answers, but Testcontainers' Ryuk container cannot be started: its image '"
                    + ryuk + "'").contains("TESTCONTAINERS_RYUK_DISABLED=true");
            assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.process().destroyForcibly();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("failed fast (Testcontainers alone retries for minutes)")
                .isLessThan(Duration.ofSeconds(100));
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

package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** One cluster per configuration for the whole run, also when classes run in parallel. */
@EnabledIfCitusImage
class ClusterSharingIT {

    private static final Map<Class<?>, CitusTestCluster> CLUSTERS = new ConcurrentHashMap<>();
    private static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    /** Tests that hold the shared tables right now, and the most that ever did at once. */
    private static final java.util.concurrent.atomic.AtomicInteger HOLDERS = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger MOST_HOLDERS = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void forgetClusters() {
        CLUSTERS.clear();
        THREADS.clear();
    }

    @Test
    void should_share_one_cluster_between_classes_with_the_same_configuration() {
        EngineExecutionResults results = EngineRuns.run(MetaAnnotatedCase.class, DirectlyAnnotatedCase.class);

        EngineRuns.assertAllSucceeded(results);
        assertThat(CLUSTERS.get(DirectlyAnnotatedCase.class))
                .as("@CitusCluster with the attributes of @TestCluster, and another cleanup mode, is the same configuration")
                .isSameAs(CLUSTERS.get(MetaAnnotatedCase.class));
    }

    @Test
    void should_start_another_cluster_for_another_configuration_and_remove_both_when_the_run_ends() {
        EngineExecutionResults results = EngineRuns.run(MetaAnnotatedCase.class, CoordinatorOnlyCase.class);

        EngineRuns.assertAllSucceeded(results);
        assertThat(CLUSTERS.get(CoordinatorOnlyCase.class)).isNotSameAs(CLUSTERS.get(MetaAnnotatedCase.class));
        assertThat(CLUSTERS.get(CoordinatorOnlyCase.class).workers()).isEmpty();
        assertThat(CLUSTERS.values()).as("closed with the run's root store").allSatisfy(cluster ->
                assertThat(cluster.isClosed()).isTrue());
        assertThat(Containers.runningOf(CLUSTERS.values())).isEmpty();
    }

    @Test
    void should_start_a_configuration_once_when_classes_run_in_parallel() {
        EngineExecutionResults results = EngineRuns.runInParallel(FirstParallelCase.class, SecondParallelCase.class,
                ThirdParallelCase.class, FourthParallelCase.class);

        EngineRuns.assertAllSucceeded(results);
        results.testEvents().assertStatistics(stats -> stats.succeeded(8));
        assertThat(Set.copyOf(CLUSTERS.values())).as("one cluster for the four classes").hasSize(1);
        assertThat(THREADS).as("the classes ran on several threads at once").hasSizeGreaterThan(1);
        assertThat(MOST_HOLDERS.get()).as("truncating tests that held the shared tables at the same time").isEqualTo(1);
    }

    // ---------------------------------------------------------------- fixtures

    @Order(1)
    @TestCluster
    static class MetaAnnotatedCase {
        @Test
        void test(CitusTestCluster cluster) {
            CLUSTERS.put(getClass(), cluster);
        }
    }

    @Order(2)
    @CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = TestCluster.SCHEMA,
            dataOnTmpfs = TestCluster.DATA_ON_TMPFS, cleanup = TableCleanup.NONE)
    static class DirectlyAnnotatedCase {
        @Test
        void test(CitusTestCluster cluster) {
            CLUSTERS.put(getClass(), cluster);
        }
    }

    @Order(3)
    @CitusCluster(workers = 0, shardCount = TestCluster.SHARD_COUNT, dataOnTmpfs = true)
    static class CoordinatorOnlyCase {
        @Test
        void test(CitusTestCluster cluster) {
            CLUSTERS.put(getClass(), cluster);
        }
    }

    /**
     * Each class inserts rows of its own and expects to see exactly those: only true while a
     * truncating test runs alone on the shared cluster.
     */
    @TestCluster
    abstract static class ParallelCase {

        @BeforeAll
        static void cluster(CitusTestCluster cluster) {
            assertThat(cluster.isClosed()).isFalse();
            assertThat(Sql.queryLong(cluster.dataSource(), "SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary'"))
                    .as("a fully started cluster: coordinator and worker registered").isEqualTo(2);
        }

        @Test
        void first(CitusTestCluster cluster, DataSource dataSource) throws InterruptedException {
            writeAndSeeOnlyOwnRows(cluster, dataSource);
        }

        @Test
        void second(CitusTestCluster cluster, DataSource dataSource) throws InterruptedException {
            writeAndSeeOnlyOwnRows(cluster, dataSource);
        }

        private void writeAndSeeOnlyOwnRows(CitusTestCluster cluster, DataSource dataSource) throws InterruptedException {
            CLUSTERS.put(getClass(), cluster);
            THREADS.add(Thread.currentThread().getName());
            assertThat(Sql.count(dataSource, "events")).as("rows left by another test").isZero();
            long owner = getClass().getSimpleName().hashCode();
            for (int i = 0; i < 5; i++) {
                Sql.insertEvent(dataSource, owner);
            }
            int inside = HOLDERS.incrementAndGet();
            MOST_HOLDERS.accumulateAndGet(inside, Math::max);
            try {
                // hold the tables for a while, giving every other test the chance to come in; with exclusion none can
                long until = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(200);
                while (HOLDERS.get() == 1 && System.nanoTime() < until) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
                assertThat(Sql.count(dataSource, "events")).as("only this test's rows").isEqualTo(5);
            } finally {
                HOLDERS.decrementAndGet();
            }
        }
    }

    static class FirstParallelCase extends ParallelCase {
    }

    static class SecondParallelCase extends ParallelCase {
    }

    static class ThirdParallelCase extends ParallelCase {
    }

    static class FourthParallelCase extends ParallelCase {
    }
}

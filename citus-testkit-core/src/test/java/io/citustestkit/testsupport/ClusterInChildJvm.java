package io.citustestkit.testsupport;

import io.citustestkit.CitusTestCluster;

/**
 * Started as a separate JVM by leak tests: starts a cluster, prints {@code CLUSTER <id>}, and waits
 * to be ended from outside without ever calling {@code close()}.
 */
public final class ClusterInChildJvm {

    private ClusterInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        CitusTestCluster cluster = CitusTestCluster.builder().workers(1).shardCount(2).start();
        System.out.println("CLUSTER " + cluster.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package io.citustestkit.testsupport;

import io.citustestkit.CitusTestCluster;

/**
 * Started as a separate JVM by leak tests: starts a cluster, prints {@code CLUSTER <id>} (or
 * {@code FAILED <message>}), and waits to be ended from outside without ever calling {@code close()}.
 */
public final class ClusterInChildJvm {

    private ClusterInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        exitWhenTheParentGoesAway();
        CitusTestCluster cluster;
        try {
            cluster = CitusTestCluster.builder().workers(1).shardCount(2).start();
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage().replace('\n', ' '));
            System.out.flush();
            System.exit(1);
            return;
        }
        System.out.println("CLUSTER " + cluster.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** If the test JVM dies first, its end of our stdin closes: exit too (the shutdown hook cleans up). */
    private static void exitWhenTheParentGoesAway() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; wait for end of stream
                }
            } catch (java.io.IOException ignored) {
                // treat as end of stream
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}

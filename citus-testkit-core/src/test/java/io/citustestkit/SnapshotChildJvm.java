package io.citustestkit;

import io.citustestkit.snapshot.ClusterSnapshot;

/**
 * Started as a separate JVM by {@link ClusterSnapshotsIT}: starts a 1-worker cluster with the schema
 * file named by the environment variable {@code SNAPSHOT_SCHEMA}, prints {@code STARTED <cluster id> <snapshot key or "cold">}, closes it and
 * exits (or prints {@code FAILED <message>}).
 */
public final class SnapshotChildJvm {

    private SnapshotChildJvm() {
    }

    public static void main(String[] args) {
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(1).shardCount(2).schema(System.getenv("SNAPSHOT_SCHEMA")).start()) {
            ClusterSnapshot snapshot = ((StartedCitusCluster) cluster).snapshot();
            System.out.println("STARTED " + cluster.id() + " " + (snapshot == null ? "cold" : snapshot.key().value()));
        } catch (RuntimeException e) {
            System.out.println("FAILED " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
        System.out.flush();
        System.exit(0);
    }
}

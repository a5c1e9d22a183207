package io.citustestkit;

import io.citustestkit.snapshot.ClusterSnapshot;
import io.citustestkit.snapshot.SnapshotDirectoryFiles;

/**
 * Started as a separate JVM by {@link SnapshotDirectoryIT}: starts a 1-worker cluster with the schema
 * file named by {@code SNAPSHOT_SCHEMA} (the snapshot directory comes from {@code CITUS_TESTKIT_SNAPSHOTS_DIR}),
 * prints {@code STARTED <cluster id> <"cold" or "images" or "directory"> writes=<sets this JVM wrote>}, closes it
 * and exits (or prints {@code FAILED <message>}).
 */
public final class SnapshotDirectoryChildJvm {

    private SnapshotDirectoryChildJvm() {
    }

    public static void main(String[] args) {
        try (CitusTestCluster cluster = CitusTestCluster.builder().workers(1).shardCount(2).schema(System.getenv("SNAPSHOT_SCHEMA")).start()) {
            ClusterSnapshot snapshot = ((StartedCitusCluster) cluster).snapshot();
            String from = snapshot == null ? "cold" : snapshot.archives() == null ? "images" : "directory";
            SnapshotDirectoryFiles.awaitWrites(); // the archives are written in the background
            System.out.println("STARTED " + cluster.id() + " " + from + " writes=" + SnapshotDirectoryFiles.writes());
        } catch (RuntimeException e) {
            System.out.println("FAILED " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
        System.out.flush();
        System.exit(0);
    }
}

package io.citustestkit.snapshot;

import java.time.Duration;

/**
 * Started as a separate JVM by {@link SnapshotLockTest}: takes the exclusive lock of snapshot key
 * {@code SNAPSHOT_KEY}, prints {@code LOCKED}, and holds it until its standard input closes.
 */
public final class SnapshotLockHolder {

    private SnapshotLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        SnapshotKey key = new SnapshotKey(System.getenv("SNAPSHOT_KEY"), java.util.List.of());
        try (SnapshotLock lock = SnapshotLock.exclusive(key, Duration.ofMinutes(1))) {
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // the parent never writes; hold until it closes our input
            }
        }
    }
}

package io.citustestkit.snapshot;

import io.citustestkit.testsupport.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshot locks: a wait for another JVM is bounded and says what it waits for; an unusable directory says why. */
class SnapshotLockTest {

    private final SnapshotKey key = new SnapshotKey("locktest" + UUID.randomUUID().toString().substring(0, 8), List.of());
    private final String tmpdir = System.getProperty("java.io.tmpdir");

    @AfterEach
    void removeTheLockFiles() throws IOException {
        System.setProperty("java.io.tmpdir", tmpdir);
        Files.deleteIfExists(SnapshotLock.directory().resolve(key.value() + ".lock"));
        Files.deleteIfExists(SnapshotLock.directory().resolve(key.value() + ".holder"));
    }

    @Test
    void should_give_up_waiting_for_another_jvms_lock_at_the_bound_and_say_which_key_file_and_holder() throws Exception {
        ChildJvm holder = ChildJvm.start(SnapshotLockHolder.class.getName(), Map.of("SNAPSHOT_KEY", key.value()));
        try {
            holder.awaitLine("LOCKED");
            long started = System.nanoTime();

            assertThatThrownBy(() -> SnapshotLock.shared(key, Duration.ofSeconds(3)))
                    .isInstanceOf(SnapshotLock.Unavailable.class)
                    .hasMessageStartingWith("Waited 3s for the lock of snapshot set " + key + " ("
                            + SnapshotLock.directory().resolve(key.value() + ".lock") + ") to start from its snapshot set; "
                            + "another JVM holds it: pid " + holder.process().pid() + " (owner ")
                    .hasMessageContaining("making or removing the set since ")
                    .hasMessageContaining("Raise the wait with -Dcitus.testkit.snapshots.lock-timeout or "
                            + "CITUS_TESTKIT_SNAPSHOTS_LOCK_TIMEOUT (e.g. 10m); a JVM paused in a debugger holds its locks");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the timeout")
                    .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(10));
        } finally {
            holder.end();
        }
        try (SnapshotLock lock = SnapshotLock.exclusive(key, Duration.ofSeconds(10))) {
            assertThat(lock).as("free once the holder ended, and not held back in this JVM by the failed wait").isNotNull();
        }
    }

    @Test
    void should_say_what_is_wrong_with_a_lock_directory_that_cannot_be_used_and_hold_nothing(@TempDir Path tmp) throws IOException {
        Path directory = Files.writeString(tmp.resolve("citus-testkit-snapshots"), "a file where the directory should be");
        System.setProperty("java.io.tmpdir", tmp.toString());

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> SnapshotLock.shared(key, Duration.ofSeconds(1)))
                    .isInstanceOf(SnapshotLock.Unavailable.class)
                    .hasMessageStartingWith("The snapshot lock directory " + directory + " cannot be used (FileAlreadyExistsException: ")
                    .hasMessageContaining("it must be a directory this user can create and lock files in")
                    .hasMessageEndingWith("or turn snapshots off (-Dcitus.testkit.snapshots=false).")
                    .hasCauseInstanceOf(java.nio.file.FileAlreadyExistsException.class);
            assertThatThrownBy(() -> SnapshotLock.exclusive(key, Duration.ofSeconds(1)))
                    .as("the failed shared lock left nothing held in this JVM")
                    .isInstanceOf(SnapshotLock.Unavailable.class);
        }
    }
}

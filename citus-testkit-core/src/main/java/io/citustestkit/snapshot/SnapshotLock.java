package io.citustestkit.snapshot;

import io.citustestkit.docker.JvmOwner;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Guards one snapshot key across threads and JVMs on this machine: clusters starting from a snapshot
 * hold it shared (until their containers run, so the images cannot be removed under them); the one
 * creating, rebuilding or removing a snapshot holds it exclusively, so two JVMs never write the same
 * snapshot at once: the second waits, then finds the first one's snapshot and uses it. A lock file per
 * key lives in {@code <java.io.tmpdir>/citus-testkit-snapshots/}; its modification time records when
 * the snapshot was last used (for {@link SnapshotPruning}); beside it, {@code <key>.holder} says who
 * holds it exclusively.
 *
 * <p>A wait is bounded ({@link SnapshotSettings#lockTimeout()}, 5 minutes unless configured) and says
 * at INFO what it waits for (the key, the file, the holder) when it lasts. A wait that times out, or a
 * lock directory that cannot be used (not writable, another user's, file locks unsupported), throws
 * {@link Unavailable}, on which the caller starts without snapshots.
 *
 * <pre>{@code
 * try (SnapshotLock lock = SnapshotLock.exclusive(key, SnapshotSettings.lockTimeout())) {
 *     // create the snapshot
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SnapshotLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLock.class);
    private static final Map<String, KeyState> KEYS = new ConcurrentHashMap<>();
    /** How often a wait says again that it still waits. */
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);
    /** A wait shorter than this is not worth a log line. */
    private static final Duration QUIET_WAIT = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 200;

    private final Runnable release;

    private SnapshotLock(Runnable release) {
        this.release = release;
    }

    /** The snapshot lock could not be taken: the directory cannot be used, or the wait timed out. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@return the lock directory: {@code <java.io.tmpdir>/citus-testkit-snapshots}} */
    public static Path directory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "citus-testkit-snapshots");
    }

    /**
     * Waits (at most {@code timeout}) for, and takes, the key's lock for starting from its snapshot.
     *
     * @throws Unavailable if the lock directory cannot be used or the wait timed out
     */
    public static SnapshotLock shared(SnapshotKey key, Duration timeout) {
        Wait wait = new Wait(key.value(), "start from its snapshot set", timeout);
        KeyState state = state(key.value());
        wait.take(state.rw.readLock(), "another thread of this JVM is making or removing the set");
        try {
            state.addSharedHolder(wait);
        } catch (RuntimeException e) {
            state.rw.readLock().unlock();
            throw e;
        }
        return new SnapshotLock(() -> {
            state.removeSharedHolder();
            state.rw.readLock().unlock();
        });
    }

    /**
     * Waits (at most {@code timeout}) for, and takes, the key's lock for creating or removing its snapshot.
     *
     * @throws Unavailable if the lock directory cannot be used or the wait timed out
     */
    public static SnapshotLock exclusive(SnapshotKey key, Duration timeout) {
        Wait wait = new Wait(key.value(), "make its snapshot set", timeout);
        KeyState state = state(key.value());
        wait.take(state.rw.writeLock(), "other threads of this JVM are starting from the set or making it");
        try {
            FileHold hold = FileHold.take(key.value(), false, wait);
            Path holder = holderFile(key.value());
            writeHolder(holder);
            return new SnapshotLock(() -> {
                deleteQuietly(holder);
                hold.release();
                state.rw.writeLock().unlock();
            });
        } catch (RuntimeException e) {
            state.rw.writeLock().unlock();
            throw e;
        }
    }

    /** The key's exclusive lock if nobody holds it, else {@code null} (pruning skips snapshots in use). */
    public static SnapshotLock tryExclusive(String key) {
        KeyState state = state(key);
        if (!state.rw.writeLock().tryLock()) {
            return null;
        }
        try {
            FileHold hold = FileHold.take(key, false, null);
            if (hold == null) {
                state.rw.writeLock().unlock();
                return null;
            }
            return new SnapshotLock(() -> {
                hold.release();
                state.rw.writeLock().unlock();
            });
        } catch (RuntimeException e) {
            state.rw.writeLock().unlock();
            throw e;
        }
    }

    /** Records that the key's snapshot was used now. */
    public static void touch(SnapshotKey key) {
        try {
            Files.setLastModifiedTime(file(key.value()), FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the order of removal suffers
        }
    }

    /** When the key's snapshot was last used, or {@code null} if this machine has no record of it. */
    public static Instant lastUsed(String key) {
        try {
            return Files.getLastModifiedTime(file(key)).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    private static KeyState state(String key) {
        return KEYS.computeIfAbsent(key, k -> new KeyState(k));
    }

    /** In this JVM: a read-write lock, and one shared file lock for all its readers (Java file locks are per JVM). */
    private static final class KeyState {
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        private final String key;
        private int sharedHolders;
        private FileHold sharedHold;

        KeyState(String key) {
            this.key = key;
        }

        synchronized void addSharedHolder(Wait wait) {
            if (sharedHolders == 0) {
                sharedHold = FileHold.take(key, true, wait);
            }
            sharedHolders++;
        }

        synchronized void removeSharedHolder() {
            if (--sharedHolders == 0) {
                sharedHold.release();
                sharedHold = null;
            }
        }
    }

    /** One bounded wait for a key's lock: its deadline, and the INFO lines that say what it waits for. */
    private static final class Wait {
        private final String key;
        private final String purpose;
        private final Duration timeout;
        private final long started = System.nanoTime();
        private long reported;

        Wait(String key, String purpose, Duration timeout) {
            this.key = key;
            this.purpose = purpose;
            this.timeout = timeout;
        }

        /** Takes a lock of this JVM, waiting at most until the deadline. */
        void take(Lock lock, String holder) {
            try {
                while (!lock.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    waited(holder);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("Interrupted while waiting for the lock of snapshot set " + key + " to " + purpose, e);
            }
        }

        /** Called while the lock is busy: says so now and then, and gives up at the deadline. */
        void waited(String holder) {
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (waited.compareTo(timeout) >= 0) {
                throw new Unavailable("Waited " + SnapshotSettings.describe(timeout) + " for the lock of snapshot set " + key
                        + " (" + file(key) + ") to " + purpose + "; " + holder + ". Raise the wait with -D"
                        + SnapshotSettings.LOCK_TIMEOUT_PROPERTY + " or " + SnapshotSettings.LOCK_TIMEOUT_VARIABLE
                        + " (e.g. 10m); a JVM paused in a debugger holds its locks until it goes on.", null);
            }
            if (waited.compareTo(QUIET_WAIT) >= 0 && (reported == 0 || System.nanoTime() - reported >= REPORT_EVERY.toNanos())) {
                reported = System.nanoTime();
                LOG.info("Waiting {} s (at most {}) for the lock of snapshot set {} ({}) to {}: {}", waited.toSeconds(),
                        SnapshotSettings.describe(timeout), key, file(key), purpose, holder);
            }
        }

        /** Sleeps a poll interval, giving up at the deadline. */
        void pause(String holder) {
            waited(holder);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("Interrupted while waiting for the lock of snapshot set " + key + " to " + purpose, e);
            }
        }
    }

    /** A lock on the key's file, held against other JVMs. */
    private record FileHold(FileChannel channel, FileLock lock) {

        /** Takes the file lock, waiting as {@code wait} allows, or trying once when it is {@code null} (then {@code null} if busy). */
        static FileHold take(String key, boolean shared, Wait wait) {
            FileChannel channel = null;
            try {
                Files.createDirectories(directory());
                channel = FileChannel.open(file(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
                FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
                while (lock == null && wait != null) {
                    wait.pause(holderOf(key, shared));
                    lock = channel.tryLock(0, Long.MAX_VALUE, shared);
                }
                if (lock == null) {
                    FileLocks.closeQuietly(channel);
                    return null;
                }
                return new FileHold(channel, lock);
            } catch (IOException e) {
                FileLocks.closeQuietly(channel);
                throw new Unavailable("The snapshot lock directory " + directory() + " cannot be used (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + "; it must be a directory this user can create and lock files in). "
                        + "Make it usable (remove it, or give it to this user), point java.io.tmpdir elsewhere, "
                        + "or turn snapshots off (-D" + SnapshotSettings.SNAPSHOTS_PROPERTY + "=false).", e);
            } catch (RuntimeException e) {
                FileLocks.closeQuietly(channel);
                throw e;
            }
        }

        void release() {
            FileLocks.release(lock, channel);
        }
    }

    /** Who holds the key's file lock, as far as its holder file tells. */
    private static String holderOf(String key, boolean waitingShared) {
        String holder;
        try {
            holder = Files.readString(holderFile(key), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            holder = "";
        }
        if (!holder.isEmpty()) {
            return "another JVM holds it: " + holder;
        }
        return waitingShared ? "another JVM holds it (making or removing the set)"
                : "other JVMs hold it (starting clusters from the set, or making it)";
    }

    private static void writeHolder(Path holder) {
        try {
            Files.writeString(holder, "pid " + ProcessHandle.current().pid() + " (owner " + JvmOwner.current().label()
                    + "), making or removing the set since " + Instant.now(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // only the waiting message suffers
        }
    }

    private static Path file(String key) {
        return directory().resolve(key + ".lock");
    }

    private static Path holderFile(String key) {
        return directory().resolve(key + ".holder");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale holder file only makes a waiting message less exact
        }
    }

    @Override
    public void close() {
        release.run();
    }
}

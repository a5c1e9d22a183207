package io.citustestkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Guards one snapshot key across threads and JVMs on this machine: clusters starting from a snapshot
 * hold it shared (until their containers run, so the images cannot be removed under them); the one
 * creating, rebuilding or removing a snapshot holds it exclusively, so two JVMs never write the same
 * snapshot at once: the second waits, then finds the first one's snapshot and uses it. A lock file per
 * key lives in {@code <java.io.tmpdir>/citus-testkit-snapshots/}; its modification time records when
 * the snapshot was last used (for {@link SnapshotPruning}).
 *
 * <pre>{@code
 * try (SnapshotLock lock = SnapshotLock.exclusive(key)) {
 *     // create the snapshot
 * }
 * }</pre>
 */
final class SnapshotLock implements AutoCloseable {

    static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "citus-testkit-snapshots");
    private static final Map<String, KeyState> KEYS = new ConcurrentHashMap<>();

    private final Runnable release;

    private SnapshotLock(Runnable release) {
        this.release = release;
    }

    /** Waits for, and takes, the key's lock for starting from its snapshot. */
    static SnapshotLock shared(SnapshotKey key) {
        KeyState state = state(key.value());
        state.rw.readLock().lock();
        try {
            state.addSharedHolder();
        } catch (RuntimeException e) {
            state.rw.readLock().unlock();
            throw e;
        }
        return new SnapshotLock(() -> {
            state.removeSharedHolder();
            state.rw.readLock().unlock();
        });
    }

    /** Waits for, and takes, the key's lock for creating or removing its snapshot. */
    static SnapshotLock exclusive(SnapshotKey key) {
        KeyState state = state(key.value());
        state.rw.writeLock().lock();
        try {
            FileHold hold = FileHold.take(key.value(), false, true);
            return new SnapshotLock(() -> {
                hold.release();
                state.rw.writeLock().unlock();
            });
        } catch (RuntimeException e) {
            state.rw.writeLock().unlock();
            throw e;
        }
    }

    /** The key's exclusive lock if nobody holds it, else {@code null} (pruning skips snapshots in use). */
    static SnapshotLock tryExclusive(String key) {
        KeyState state = state(key);
        if (!state.rw.writeLock().tryLock()) {
            return null;
        }
        try {
            FileHold hold = FileHold.take(key, false, false);
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
    static void touch(SnapshotKey key) {
        try {
            Files.setLastModifiedTime(file(key.value()), FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the order of removal suffers
        }
    }

    /** When the key's snapshot was last used, or {@code null} if this machine has no record of it. */
    static Instant lastUsed(String key) {
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

        synchronized void addSharedHolder() {
            if (sharedHolders == 0) {
                sharedHold = FileHold.take(key, true, true);
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

    /** A lock on the key's file, held against other JVMs. */
    private record FileHold(FileChannel channel, FileLock lock) {

        static FileHold take(String key, boolean shared, boolean wait) {
            FileChannel channel = null;
            try {
                Files.createDirectories(DIRECTORY);
                channel = FileChannel.open(file(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
                FileLock lock = wait ? channel.lock(0, Long.MAX_VALUE, shared) : channel.tryLock(0, Long.MAX_VALUE, shared);
                if (lock == null) {
                    closeQuietly(channel);
                    return null;
                }
                return new FileHold(channel, lock);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("Could not lock the snapshot " + key + " (" + file(key) + "): " + e.getMessage(), e);
            }
        }

        void release() {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            } finally {
                closeQuietly(channel);
            }
        }
    }

    private static Path file(String key) {
        return DIRECTORY.resolve(key + ".lock");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to keep
            }
        }
    }

    @Override
    public void close() {
        release.run();
    }
}

package io.citustestkit.snapshot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Guards one set of a {@link SnapshotDirectory} across threads, JVMs and machines that share the
 * directory: a lock file beside the sets, {@code <dir>/.locks/<key>.lock}. Reading a set (checking it,
 * starting from it) holds it shared; writing or removing one holds it exclusively. Within a JVM one
 * thread at a time holds a key's lock (Java file locks belong to the whole JVM). A wait is bounded.
 *
 * <pre>{@code
 * try (SnapshotDirectoryLock lock = SnapshotDirectoryLock.take(root, key, false, SnapshotSettings.lockTimeout())) {
 *     // write the set
 * }
 * }</pre>
 */
final class SnapshotDirectoryLock implements AutoCloseable {

    static final String LOCKS = ".locks";
    private static final Map<String, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 100;

    private final ReentrantLock inJvm;
    private final FileChannel channel;
    private final FileLock lock;

    private SnapshotDirectoryLock(ReentrantLock inJvm, FileChannel channel, FileLock lock) {
        this.inJvm = inJvm;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code key} in {@code root}, waiting at most {@code timeout} ({@link Duration#ZERO}: try once).
     *
     * @return the lock, or {@code null} when the wait timed out
     * @throws IOException if the lock file cannot be made or locked
     */
    static SnapshotDirectoryLock take(Path root, String key, boolean shared, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path file = fileOf(root, key);
        ReentrantLock inJvm = IN_JVM.computeIfAbsent(file.toAbsolutePath().normalize().toString(), k -> new ReentrantLock());
        if (inJvm.isHeldByCurrentThread()) {
            return null; // Java file locks do not nest within a JVM
        }
        try {
            if (!inJvm.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            while (lock == null && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
                lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            }
            if (lock == null) {
                channel.close();
                inJvm.unlock();
                return null;
            }
            return new SnapshotDirectoryLock(inJvm, channel, lock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            FileLocks.closeQuietly(channel);
            inJvm.unlock();
            return null;
        } catch (IOException | RuntimeException e) {
            FileLocks.closeQuietly(channel);
            inJvm.unlock();
            throw e;
        }
    }

    /** {@return the lock file of {@code key}: {@code <root>/.locks/<key>.lock}} */
    static Path fileOf(Path root, String key) {
        return root.resolve(LOCKS).resolve(key + ".lock");
    }

    @Override
    public void close() {
        try {
            FileLocks.release(lock, channel);
        } finally {
            inJvm.unlock();
        }
    }
}

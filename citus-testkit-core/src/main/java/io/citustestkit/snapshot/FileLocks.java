package io.citustestkit.snapshot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * Lets go of a lock file the way {@link SnapshotLock} and {@link SnapshotDirectoryLock} do: release the
 * file lock, close its channel, and swallow the {@link IOException}s (closing the channel releases the lock too).
 *
 * <pre>{@code
 * FileLocks.release(lock, channel); // or FileLocks.closeQuietly(channel) when no lock was taken
 * }</pre>
 */
final class FileLocks {

    private FileLocks() {
    }

    /** Releases {@code lock}, then closes {@code channel} (even when releasing failed), ignoring I/O errors. */
    static void release(FileLock lock, FileChannel channel) {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        } finally {
            closeQuietly(channel);
        }
    }

    /** Closes {@code channel} if there is one, ignoring an I/O error. */
    static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to keep
            }
        }
    }
}

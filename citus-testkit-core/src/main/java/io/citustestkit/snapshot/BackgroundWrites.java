package io.citustestkit.snapshot;

import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What the kit writes of a snapshot set in the background, one write at a time, so that a cluster's start
 * does not wait for it: a set's archives into the {@link SnapshotDirectory} after its images were made (a
 * first start returns once its images are made), and a set's images from its archives after a start from
 * the directory (later starts on this engine then start from images). Writing archives holds the set's
 * shared {@link SnapshotLock} (its images stay while they are read), making images its exclusive one (no
 * start sees half a set). At JVM exit the writes under way are waited for, at most {@link #EXIT_WAIT}, so
 * that the CI cache step after the build finds them; a write cut short leaves only a temporary directory or
 * an incomplete set of images, which a later run removes.
 *
 * <pre>{@code
 * BackgroundWrites.submit(key, false, () -> new SnapshotSetWriter(directory).write(snapshot, workers, image, maxAge, false));
 * BackgroundWrites.awaitIdle(Duration.ofMinutes(1)); // tests and benchmarks: every write submitted so far is done
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class BackgroundWrites {

    /** How long the JVM's exit waits for the writes under way. */
    static final Duration EXIT_WAIT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWrites.class);
    private static final AtomicReference<CompletableFuture<Void>> LAST = new AtomicReference<>(CompletableFuture.completedFuture(null));
    private static ExecutorService executor;

    private BackgroundWrites() {
    }

    /**
     * Queues a write of the set of {@code key}; it runs after the ones queued before, under the set's lock
     * ({@code exclusive} or shared). A failure is logged, never thrown.
     */
    static synchronized void submit(SnapshotKey key, boolean exclusive, Runnable write) {
        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> {
            try (SnapshotLock lock = exclusive ? SnapshotLock.exclusive(key, SnapshotSettings.lockTimeout())
                    : SnapshotLock.shared(key, SnapshotSettings.lockTimeout())) {
                write.run();
            } catch (SnapshotLock.Unavailable e) {
                LOG.warn("Not writing snapshot set {} this time: {}", key, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Could not write snapshot set {}: {}", key, e.getMessage(), e);
            }
        }, executor());
        LAST.set(next);
    }

    /**
     * Waits until every write queued so far is done.
     *
     * @return whether they are done ({@code false}: the timeout passed first)
     */
    public static boolean awaitIdle(Duration timeout) {
        try {
            LAST.get().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // logged by the write itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static synchronized ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "citus-testkit-snapshot-writes");
                thread.setDaemon(true);
                return thread;
            });
            Runtime.getRuntime().addShutdownHook(new Thread(BackgroundWrites::awaitAtExit, "citus-testkit-snapshot-writes-exit"));
        }
        return executor;
    }

    private static void awaitAtExit() {
        if (!LAST.get().isDone()) {
            LOG.info("Waiting (at most {}) for the snapshot set being written", SnapshotSettings.describe(EXIT_WAIT));
            if (!awaitIdle(EXIT_WAIT)) {
                LOG.warn("The snapshot set being written was not done within {}: the next run makes it again",
                        SnapshotSettings.describe(EXIT_WAIT));
            }
        }
    }
}

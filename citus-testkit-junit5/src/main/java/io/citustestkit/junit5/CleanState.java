package io.citustestkit.junit5;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the tables of one database clean between tests, also when JUnit runs tests in parallel.
 *
 * <p>A test {@linkplain #enter enters} before it runs and {@linkplain Lease#close leaves} after. A test
 * whose class truncates enters alone: it waits for the tests running on this database and makes later
 * ones wait, truncates first if an earlier test may have left rows or moved sequences, and truncates
 * again when it leaves. Tests that keep their data ({@link TableCleanup#NONE}) enter side by side.
 * A thread that already holds a lease (a {@code @TestFactory}'s dynamic tests) is let in without waiting.
 *
 * <pre>{@code
 * try (CleanState.Lease lease = cleanState.enter(TableCleanup.TRUNCATE, "EventTest.should_store()")) {
 *     // run the test
 * }
 * }</pre>
 */
final class CleanState {

    private static final int ALL = Integer.MAX_VALUE;

    private final TableCleaner cleaner;
    private final Semaphore gate = new Semaphore(ALL, true);
    private final Map<Thread, Lease> holders = new ConcurrentHashMap<>();
    private final AtomicBoolean mayHoldRows = new AtomicBoolean(true);
    private final AtomicBoolean sequencesMayHaveMoved = new AtomicBoolean(true);

    CleanState(TableCleaner cleaner) {
        this.cleaner = cleaner;
    }

    /**
     * Lets a test in, cleaning first when its mode needs it.
     *
     * @throws InterruptedException if the thread is interrupted while it waits for other tests
     */
    Lease enter(TableCleanup mode, String test) throws InterruptedException {
        return enter(mode, false, test);
    }

    /**
     * Lets a test in, alone when its mode truncates or {@code alone} asks for it (a test whose
     * statements are recorded must not see another test's), cleaning first when its mode needs it.
     *
     * @throws InterruptedException if the thread is interrupted while it waits for other tests
     */
    Lease enter(TableCleanup mode, boolean alone, String test) throws InterruptedException {
        Thread thread = Thread.currentThread();
        if (holders.containsKey(thread)) {
            return new Lease(this, mode, test, thread, 0);
        }
        int permits = mode.truncates() || alone ? ALL : 1;
        gate.acquire(permits);
        Lease lease = new Lease(this, mode, test, thread, permits);
        holders.put(thread, lease);
        try {
            if (mode.truncates()) {
                boolean restart = mode.restartsSequences();
                if (mayHoldRows.get() || restart && sequencesMayHaveMoved.get()) {
                    clean(restart, "before " + test + " (an earlier test or the schema may have left rows)");
                }
            } else {
                mayHoldRows.set(true);
                sequencesMayHaveMoved.set(true);
            }
            return lease;
        } catch (RuntimeException | Error e) {
            lease.closed.set(true);
            release(lease);
            throw e;
        }
    }

    private void clean(boolean restartSequences, String when) {
        mayHoldRows.set(true);
        sequencesMayHaveMoved.set(true);
        cleaner.clean(restartSequences, when);
        mayHoldRows.set(false);
        sequencesMayHaveMoved.set(!restartSequences);
    }

    private void leave(Lease lease) {
        if (lease.permits == 0) {
            return;
        }
        try {
            if (lease.mode.truncates()) {
                clean(lease.mode.restartsSequences(), "after " + lease.test);
            }
        } finally {
            release(lease);
        }
    }

    private void release(Lease lease) {
        holders.remove(lease.thread, lease);
        gate.release(lease.permits);
    }

    /**
     * A test's permission to use the database; closing it cleans (in a truncating mode) and lets the
     * next tests in. Idempotent; also closed by JUnit with the test's store, should the after-each
     * callback not run.
     */
    @SuppressWarnings("deprecation") // CloseableResource: still how JUnit 5.10-5.12 closes stored values
    static final class Lease implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private final CleanState state;
        private final TableCleanup mode;
        private final String test;
        private final Thread thread;
        private final int permits;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(CleanState state, TableCleanup mode, String test, Thread thread, int permits) {
            this.state = state;
            this.mode = mode;
            this.test = test;
            this.thread = thread;
            this.permits = permits;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                state.leave(this);
            }
        }
    }
}

package io.citustestkit.junit5;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the tables of one database clean between tests, also when JUnit runs tests in parallel.
 *
 * <p>A test {@linkplain #enter enters} before it runs and {@linkplain Lease#close leaves} after. A test
 * whose class cleans enters alone: it waits for the tests running on this database and makes later
 * ones wait, cleans first if an earlier test may have left the tables otherwise than its mode wants them
 * (restored to the rows the schema left, or empty) or moved sequences, and cleans again when it leaves.
 * The first restoring test of each class first has the cleaner remember the tables that appeared since
 * (Spring Boot's migrations create them when the class's application context starts). Tests that keep
 * their data ({@link TableCleanup#NONE}) enter side by side. A thread that already holds a lease (a
 * {@code @TestFactory}'s dynamic tests) is let in without waiting.
 *
 * <pre>{@code
 * try (CleanState.Lease lease = cleanState.enter(TableCleanup.RESTORE, false, "EventTest", "EventTest.should_store()")) {
 *     // run the test
 * }
 * }</pre>
 */
final class CleanState {

    private static final int ALL = Integer.MAX_VALUE;

    /** What the last cleaning left: the tables (or sequences) as the schema left them, empty, or unknown. */
    private enum Left { SCHEMA_STATE, EMPTY, UNKNOWN }

    private final TableCleaner cleaner;
    private final Semaphore gate = new Semaphore(ALL, true);
    private final Map<Thread, Lease> holders = new ConcurrentHashMap<>();
    private final Set<String> rememberedClasses = ConcurrentHashMap.newKeySet();
    private volatile Left tables = Left.UNKNOWN;
    private volatile Left sequences = Left.UNKNOWN;

    CleanState(TableCleaner cleaner) {
        this.cleaner = cleaner;
    }

    /**
     * Lets a test in, cleaning first when its mode needs it.
     *
     * @throws InterruptedException if the thread is interrupted while it waits for other tests
     */
    Lease enter(TableCleanup mode, String test) throws InterruptedException {
        return enter(mode, false, test, test);
    }

    /**
     * Lets a test in, alone when its mode cleans or {@code alone} asks for it (a test whose statements
     * are recorded must not see another test's), cleaning first when its mode needs it.
     *
     * @param testClass the test's class, whose first restoring test remembers tables that appeared since
     * @throws InterruptedException if the thread is interrupted while it waits for other tests
     */
    Lease enter(TableCleanup mode, boolean alone, String testClass, String test) throws InterruptedException {
        Thread thread = Thread.currentThread();
        if (holders.containsKey(thread)) {
            return new Lease(this, mode, test, thread, 0);
        }
        int permits = mode.cleans() || alone ? ALL : 1;
        gate.acquire(permits);
        Lease lease = new Lease(this, mode, test, thread, permits);
        holders.put(thread, lease);
        try {
            if (mode.cleans()) {
                if (mode.restores() && rememberedClasses.add(testClass)) {
                    cleaner.remember("before " + test + " (tables that appeared since the schema was applied)");
                }
                Left wanted = wanted(mode);
                if (tables != wanted || mode.restartsSequences() && sequences != wanted) {
                    clean(mode, "before " + test + " (an earlier test may have left rows)");
                }
            } else {
                tables = Left.UNKNOWN;
                sequences = Left.UNKNOWN;
            }
            return lease;
        } catch (RuntimeException | Error e) {
            lease.closed.set(true);
            release(lease);
            throw e;
        }
    }

    private static Left wanted(TableCleanup mode) {
        return mode.restores() ? Left.SCHEMA_STATE : Left.EMPTY;
    }

    private void clean(TableCleanup mode, String when) {
        tables = Left.UNKNOWN;
        sequences = Left.UNKNOWN;
        cleaner.clean(mode.restores(), mode.restartsSequences(), when);
        tables = wanted(mode);
        sequences = mode.restartsSequences() ? wanted(mode) : Left.UNKNOWN;
    }

    private void leave(Lease lease) {
        if (lease.permits == 0) {
            return;
        }
        try {
            if (lease.mode.cleans()) {
                clean(lease.mode, "after " + lease.test);
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
     * A test's permission to use the database; closing it cleans (in a cleaning mode) and lets the
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

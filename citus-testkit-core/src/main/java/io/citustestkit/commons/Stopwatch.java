package io.citustestkit.commons;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The kit's one timer for the durations it logs: milliseconds since a start, by {@link System#nanoTime()}.
 *
 * <pre>{@code
 * Stopwatch stopwatch = Stopwatch.start();
 * ...
 * LOG.info("ready in {} ms", stopwatch.millis());
 * long registration = Stopwatch.millis(containersReady, registered); // between two nanoTime() readings
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Stopwatch {

    private final long started;

    private Stopwatch(long started) {
        this.started = started;
    }

    /** {@return a stopwatch started now} */
    public static Stopwatch start() {
        return new Stopwatch(System.nanoTime());
    }

    /** {@return the {@link System#nanoTime()} it started at} */
    public long startedNanos() {
        return started;
    }

    /** {@return whole milliseconds since the start} */
    public long millis() {
        return millis(started, System.nanoTime());
    }

    /**
     * Whole milliseconds between two {@link System#nanoTime()} readings.
     *
     * @param fromNanos the earlier reading
     * @param toNanos the later reading
     * @return the milliseconds between them
     */
    public static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}

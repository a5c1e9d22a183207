package io.citustestkit.docker;

import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The backstop for clusters that are never closed: a JVM shutdown hook that closes them when the JVM
 * exits normally or is terminated, also where Testcontainers' Ryuk reaper is disabled.
 *
 * <pre>{@code
 * Thread hook = ShutdownHooks.register("cluster-1a2b3c4d", cluster);
 * ...
 * ShutdownHooks.remove(hook); // after close()
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShutdownHooks {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownHooks.class);

    private ShutdownHooks() {
    }

    /** Registers {@code resource} to be closed at JVM exit; returns the hook so it can be removed. */
    public static Thread register(String name, AutoCloseable resource) {
        Thread hook = new Thread(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} at JVM exit failed", name, e);
            }
        }, "citus-testkit-shutdown-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Removes a hook registered by {@link #register}; ignored while the JVM is already shutting down. */
    public static void remove(Thread hook) {
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to run; nothing to remove
        }
    }
}

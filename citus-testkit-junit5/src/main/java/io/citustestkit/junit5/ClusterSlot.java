package io.citustestkit.junit5;

import io.citustestkit.ClusterStartException;
import io.citustestkit.commons.Stopwatch;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The root-store entry for one configuration: starts its cluster on the first request, hands the same
 * cluster to every later request, remembers a failed start and fails every later request with it, and
 * closes the cluster when JUnit closes the root store at the end of the run.
 *
 * <p>Creating a slot does nothing, so {@code getOrComputeIfAbsent} only ever stores it; the start runs
 * under the slot's own lock. Requests for one configuration wait for its start and never see a
 * half-started cluster; other configurations start concurrently.
 *
 * <pre>{@code
 * ClusterSlot slot = rootStore.getOrComputeIfAbsent(spec, key -> new ClusterSlot(spec.toString(), () -> ManagedCluster.start(spec)), ClusterSlot.class);
 * SharedCluster cluster = slot.get(testClass.getName());
 * }</pre>
 */
@SuppressWarnings("deprecation") // CloseableResource: still how JUnit 5.10-5.12 closes stored values
final class ClusterSlot implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSlot.class);

    private final String configuration;
    private final Supplier<SharedCluster> starter;
    private final Set<String> users = new LinkedHashSet<>();
    private SharedCluster cluster;
    private RuntimeException failure;
    private String failedFor;
    private boolean closed;

    ClusterSlot(String configuration, Supplier<SharedCluster> starter) {
        this.configuration = configuration;
        this.starter = starter;
    }

    /**
     * The running cluster, started now if {@code requester} is the first to ask.
     *
     * @throws RuntimeException the start's own failure for the first requester; for later requesters a
     *                          {@link ClusterStartException} with that failure as its cause
     */
    synchronized SharedCluster get(String requester) {
        if (closed) {
            throw new IllegalStateException("The Citus cluster for " + configuration + " was already closed at the end of the "
                    + "test run; " + requester + " asked for it afterwards.");
        }
        if (failure != null) {
            throw new ClusterStartException(Messages.startFailedEarlier(configuration, failedFor, failure), failure);
        }
        if (cluster == null) {
            long started = System.nanoTime();
            LOG.info("Setting up the Citus cluster for {}, first asked for by {}", configuration, requester);
            try {
                cluster = starter.get();
            } catch (RuntimeException e) {
                failure = e;
                failedFor = requester;
                LOG.warn("The Citus cluster for {} failed to start for {}; every class asking for it will fail with this "
                        + "cause: {}", configuration, requester, e.toString());
                throw e;
            }
            LOG.info("The Citus cluster for {} is ready after {} ms: {}", configuration, Stopwatch.millis(started, System.nanoTime()),
                    cluster.description());
        } else if (!users.contains(requester)) {
            LOG.debug("{} shares the running {}", requester, cluster.description());
        }
        users.add(requester);
        return cluster;
    }

    /** Closes the cluster, if one was started. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (cluster != null) {
            LOG.info("Closing {} at the end of the test run; it served {} test class(es)", cluster.description(), users.size());
            cluster.close();
        }
    }
}

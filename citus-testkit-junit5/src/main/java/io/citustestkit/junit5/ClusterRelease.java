package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The root-store entry, one per {@link ClusterSlot}, through which fixtures built outside JUnit (Spring
 * application contexts) use a shared cluster and are released before it: stored after its slot, it is
 * closed before it (JUnit closes stored values in the reverse order of their storing), and runs the
 * release actions registered through {@link CitusClusterHandle#onRelease} while the cluster still runs.
 *
 * <pre>{@code
 * ClusterRelease release = root.getOrComputeIfAbsent(new ClusterRelease.Key(slot), key -> new ClusterRelease(slot, spec.toString()), ClusterRelease.class);
 * release.onRelease(applicationContext::close);
 * }</pre>
 */
@SuppressWarnings("deprecation") // CloseableResource: still how JUnit 5.10-5.12 closes stored values
final class ClusterRelease implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRelease.class);

    private final ClusterSlot slot;
    private final String configuration;
    private final List<Runnable> actions = new ArrayList<>();
    private boolean released;

    ClusterRelease(ClusterSlot slot, String configuration) {
        this.slot = slot;
        this.configuration = configuration;
    }

    /** The running cluster, started now if {@code requester} is the first to ask; see {@link ClusterSlot#get}. */
    CitusTestCluster cluster(String requester) {
        return slot.get(requester).testCluster();
    }

    String configuration() {
        return configuration;
    }

    /** Runs {@code action} before the cluster is closed; at once if it is already released. */
    void onRelease(Runnable action) {
        synchronized (this) {
            if (!released) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }

    /** Runs the release actions, latest first. Idempotent. */
    @Override
    public void close() {
        List<Runnable> toRun;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            toRun = new ArrayList<>(actions);
            actions.clear();
        }
        for (int i = toRun.size() - 1; i >= 0; i--) {
            try {
                toRun.get(i).run();
            } catch (RuntimeException e) {
                LOG.warn("Releasing a user of the Citus cluster for {} failed; the cluster is closed all the same", configuration, e);
            }
        }
    }

    /** The root-store key of the release of {@code slot} (slots compare by identity). */
    record Key(ClusterSlot slot) {
    }
}

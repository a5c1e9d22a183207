package io.citustestkit.node;

import io.citustestkit.commons.CitusTestkitException;
import org.apiguardian.api.API;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Starts node containers in parallel; each does its share of the set-up (the inter-node password, its
 * own Citus {@code server_id} when cloned from an image) in its readiness check ({@link NodeSpec#storesInterNodePassword},
 * {@link ClonedNodeSetup}). When nodes fail, one
 * {@link NodeSetupException} says, for each, why (Docker refused it, it exited, it has no Citus, it
 * was not ready in time) with the last lines of its log.
 */
@API(status = INTERNAL, since = "0.1")
public final class NodeStarter {

    private NodeStarter() {
    }

    /** A node to start: its name, its container and its log. */
    public record Starting(String name, PostgreSQLContainer container, NodeLog log) {
    }

    /**
     * Starts {@code nodes} in parallel, without waiting: the caller may use one node as soon as it is
     * ready ({@link Starts#awaitStarted}) while the others start, and then waits for all ({@link Starts#awaitAll}).
     *
     * @param imageName the user's Citus image, for messages
     * @param notACitusImageHint what to say when the image may not be a Citus image
     * @return the starts under way
     */
    public static Starts begin(List<Starting> nodes, String imageName, String notACitusImageHint) {
        Map<Starting, CompletableFuture<Void>> starts = new LinkedHashMap<>();
        for (Starting node : nodes) {
            starts.put(node, Startables.deepStart(node.container()));
        }
        return new Starts(starts, imageName, notACitusImageHint);
    }

    /** Node starts under way. */
    public static final class Starts {

        private final Map<Starting, CompletableFuture<Void>> starts;
        private final String imageName;
        private final String notACitusImageHint;

        Starts(Map<Starting, CompletableFuture<Void>> starts, String imageName, String notACitusImageHint) {
            this.starts = starts;
            this.imageName = imageName;
            this.notACitusImageHint = notACitusImageHint;
        }

        /**
         * Waits for the node named {@code name}.
         *
         * @return whether it started; if not, {@link #awaitAll()} says why
         */
        public boolean awaitStarted(String name) {
            for (Map.Entry<Starting, CompletableFuture<Void>> start : starts.entrySet()) {
                if (start.getKey().name().equals(name)) {
                    try {
                        start.getValue().join();
                        return true;
                    } catch (CompletionException e) {
                        return false;
                    }
                }
            }
            throw new IllegalArgumentException("No node named " + name + " is starting; starting: "
                    + starts.keySet().stream().map(Starting::name).toList());
        }

        /**
         * Waits for every node.
         *
         * @throws NodeSetupException saying, for each node that failed, why, with the last lines of its log
         */
        public void awaitAll() {
            List<String> failures = new ArrayList<>();
            Throwable firstCause = null;
            for (Map.Entry<Starting, CompletableFuture<Void>> start : starts.entrySet()) {
                try {
                    start.getValue().join();
                } catch (CompletionException e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    firstCause = firstCause == null ? cause : firstCause;
                    Starting node = start.getKey();
                    failures.add("Node " + node.name() + " (image " + imageName + ") did not start: "
                            + whyNotStarted(cause, notACitusImageHint) + "\n  Last lines of its log:\n" + node.log().tail());
                }
            }
            if (!failures.isEmpty()) {
                throw new NodeSetupException(String.join("\n", failures), firstCause);
            }
        }

        /** Waits for every node, whatever came of it: no start goes on behind a failure the caller reports. */
        public void awaitQuietly() {
            starts.values().forEach(start -> start.handle((done, failure) -> null).join());
        }
    }

    /** Why a node did not start: Docker could not run it, or it ran and was not ready (exited, no Citus, timed out). */
    static String whyNotStarted(Throwable failure, String notACitusImageHint) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof NodeNotReadyException notReady) {
                return notReady.getMessage() + (notReady.reason() == NodeNotReadyException.Reason.EXITED ? ".\n  " + notACitusImageHint : ".");
            }
            if (cause instanceof CitusTestkitException known) { // the kit's own failure: its message says it
                return known.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "Docker could not create or start its container: " + String.valueOf(root.getMessage()).strip() + "\n  "
                + notACitusImageHint;
    }
}

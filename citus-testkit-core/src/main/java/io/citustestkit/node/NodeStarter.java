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
import java.util.function.Supplier;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Starts node containers in parallel and gives each its share of the set-up (the inter-node
 * password, its own Citus {@code server_id} when cloned from an image). When nodes fail, one
 * {@link NodeSetupException} says, for each, why (Docker refused it, it exited, it has no Citus, it
 * was not ready in time) with the last lines of its log.
 */
@API(status = INTERNAL, since = "0.1")
public final class NodeStarter {

    private NodeStarter() {
    }

    /**
     * A node to start: its name, its container, its log, and where to reach it once started (a supplier:
     * the mapped port is known only then).
     */
    public record Starting(String name, PostgreSQLContainer container, NodeLog log, Supplier<String> jdbcUrl) {
    }

    /**
     * Starts {@code nodes} in parallel, each then given the inter-node {@code password}.
     *
     * @param imageName the user's Citus image, for messages
     * @param notACitusImageHint what to say when the image may not be a Citus image
     * @throws NodeSetupException saying, for each node that failed, why, with the last lines of its log
     */
    public static void start(List<Starting> nodes, String password, String imageName, String notACitusImageHint) {
        Map<Starting, CompletableFuture<Void>> starts = new LinkedHashMap<>();
        for (Starting node : nodes) {
            starts.put(node, Startables.deepStart(node.container()).thenRunAsync(() -> prepare(node, password)));
        }
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

    private static void prepare(Starting node, String password) {
        // a node started with data got its own server_id with its password, in ClonedNodeSetup
        ClusterRegistration.storeInterNodePassword(node.name(), node.jdbcUrl().get(), password);
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

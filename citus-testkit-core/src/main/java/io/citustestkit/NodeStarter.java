package io.citustestkit;

import io.citustestkit.node.NodeNotReadyException;
import org.testcontainers.lifecycle.Startables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts node containers in parallel and gives each its share of the set-up (the inter-node
 * password, its own Citus {@code server_id} when cloned from an image). When nodes fail, one
 * {@link ClusterStartException} says, for each, why (Docker refused it, it exited, it has no Citus, it
 * was not ready in time) with the last lines of its log.
 */
final class NodeStarter {

    private NodeStarter() {
    }

    static void start(List<CitusNode> nodes, ClusterSettings settings) {
        Map<CitusNode, CompletableFuture<Void>> starts = new LinkedHashMap<>();
        for (CitusNode node : nodes) {
            starts.put(node, Startables.deepStart(node.container()).thenRunAsync(() -> prepare(node, settings)));
        }
        List<String> failures = new ArrayList<>();
        Throwable firstCause = null;
        for (Map.Entry<CitusNode, CompletableFuture<Void>> start : starts.entrySet()) {
            try {
                start.getValue().join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                firstCause = firstCause == null ? cause : firstCause;
                CitusNode node = start.getKey();
                failures.add("Node " + node.name() + " (image " + settings.image().name() + ") did not start: "
                        + whyNotStarted(cause, settings.image()) + "\n  Last lines of its log:\n" + node.log().tail());
            }
        }
        if (!failures.isEmpty()) {
            throw new ClusterStartException(String.join("\n", failures), firstCause);
        }
    }

    private static void prepare(CitusNode node, ClusterSettings settings) {
        // a node started with data got its own server_id with its password, in ClonedNodeSetup
        ClusterRegistration.storeInterNodePassword(node.name(), node.jdbcUrl(), settings.password());
    }

    /** Why a node did not start: Docker could not run it, or it ran and was not ready (exited, no Citus, timed out). */
    static String whyNotStarted(Throwable failure, CitusImage image) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof NodeNotReadyException notReady) {
                return notReady.getMessage() + (notReady.reason() == NodeNotReadyException.Reason.EXITED ? ".\n  " + notACitusImageHint(image) : ".");
            }
            if (cause instanceof ClusterStartException known) {
                return known.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "Docker could not create or start its container: " + String.valueOf(root.getMessage()).strip() + "\n  "
                + notACitusImageHint(image);
    }

    private static String notACitusImageHint(CitusImage image) {
        return "Is '" + image.name() + "' (" + image.source() + ") a Citus image? It must run PostgreSQL with "
                + "Citus preloaded, like citusdata/citus: " + CitusImage.howToOverride() + ".";
    }
}

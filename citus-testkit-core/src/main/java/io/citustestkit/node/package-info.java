/**
 * Internal: the start of one node, used by the cluster's life cycle: its container
 * ({@link io.citustestkit.node.NodeContainers} from a {@link io.citustestkit.node.NodeSpec}), ready when a
 * JDBC round trip finds Citus ({@link io.citustestkit.node.NodeReadiness}), a node cloned from an image
 * with data made a node of its own cluster first, its {@code postgres} settings and log
 * ({@link io.citustestkit.node.NodeSettings}, {@link io.citustestkit.node.NodeLog}), the
 * initialised-image cache ({@link io.citustestkit.node.InitializedImageCache}), the password's SCRAM
 * verifier, the coordinator's connection pool ({@link io.citustestkit.node.CoordinatorPool}) and shard
 * rebalancing ({@link io.citustestkit.node.ShardRebalance}). Knows nothing of the cluster: what it needs
 * is passed in; uses {@code io.citustestkit.docker}.
 *
 * <pre>{@code
 * PostgreSQLContainer container = NodeContainers.base(NodeSpec.of(image, "worker-1", "citus-testkit-1a2b3c4d-worker-1")
 *         .password(password).timeout(Duration.ofMinutes(2)));
 * }</pre>
 */
package io.citustestkit.node;

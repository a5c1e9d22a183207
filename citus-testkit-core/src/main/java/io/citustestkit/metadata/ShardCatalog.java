package io.citustestkit.metadata;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * The shards and nodes a distributed plan refers to, looked up in the Citus catalogs, so that the
 * plan model can tell a reference-table shard from a distributed one and the coordinator from a
 * worker. {@link #EMPTY} when nothing is known (e.g. a plan parsed from a file).
 *
 * <pre>{@code
 * ShardCatalog catalog = CitusMetadataReader.readShardCatalog(connection, List.of(102054L));
 * catalog.shard(102054).map(Shard::table);                   // Optional[events]
 * catalog.isCoordinator(new NodeAddress("coord", 5432));     // true if coord is group 0
 * }</pre>
 *
 * @param shards the shards by id
 * @param nodes the primary nodes of the cluster
 */
@API(status = STABLE, since = "0.1")
public record ShardCatalog(Map<Long, Shard> shards, List<ClusterNode> nodes) {

    /** A catalog that knows no shard and no node. */
    public static final ShardCatalog EMPTY = new ShardCatalog(Map.of(), List.of());

    /**
     * Creates the catalog from copies of the shards and nodes.
     *
     * @param shards the shards by id
     * @param nodes the primary nodes of the cluster
     */
    public ShardCatalog {
        shards = Map.copyOf(shards);
        nodes = List.copyOf(nodes);
    }

    /**
     * {@return the shard with that id, if the catalog knows it}
     *
     * @param shardId the shard's {@code shardid}
     */
    public Optional<Shard> shard(long shardId) {
        return Optional.ofNullable(shards.get(shardId));
    }

    /**
     * {@return the node at that address, if the catalog knows it}
     *
     * @param address the node's host and port
     */
    public Optional<ClusterNode> node(NodeAddress address) {
        return nodes.stream().filter(n -> n.address().equals(address)).findFirst();
    }

    /**
     * Whether a task on that node runs on the coordinator: the node is group 0 in
     * {@code pg_dist_node}, or it is {@code localhost} (Citus's local execution) and no node was
     * registered under that address.
     *
     * @param address the node's host and port, as a task names it
     * @return whether the node is the coordinator
     */
    public boolean isCoordinator(NodeAddress address) {
        Objects.requireNonNull(address, "address");
        Optional<ClusterNode> node = node(address);
        return node.map(ClusterNode::isCoordinator).orElse(address.isLocalhost());
    }
}

package io.citustestkit.snapshot;

import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.util.Map;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A started cluster as a snapshot set is made from it ({@link SnapshotImages#create}) and started from
 * ({@link ClusterSnapshots}): what the snapshot package needs of the cluster, and nothing more, so that it
 * does not depend on the cluster's classes.
 */
@API(status = INTERNAL, since = "0.1")
public interface SnapshotSource {

    /** {@return the cluster's id, for logs} */
    String id();

    /** {@return a pooled DataSource to the coordinator} */
    DataSource dataSource();

    /** {@return the Citus image the cluster runs, as the user named it} */
    String image();

    /** {@return the image the nodes started from (the Citus image or its initialised-image cache)} */
    String nodeImage();

    /** {@return the cluster's password} */
    String password();

    /** {@return every node's name and container id, coordinator first} */
    Map<String, String> nodeContainers();

    /** Takes the inter-node password out of every node's data directory (ends with a checkpoint on each). */
    void forgetInterNodePassword();

    /** Puts the inter-node password back on every node. */
    void storeInterNodePassword();
}

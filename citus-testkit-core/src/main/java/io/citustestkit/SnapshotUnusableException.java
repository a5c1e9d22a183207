package io.citustestkit;

/**
 * A cluster started from a snapshot does not hold what the snapshot recorded (nodes, distributed
 * tables), or a node of it did not start: the snapshot is removed and made again from a cold start;
 * it is never used half-way.
 */
final class SnapshotUnusableException extends ClusterStartException {

    private static final long serialVersionUID = 1L;

    SnapshotUnusableException(String why) {
        super(why);
    }

    SnapshotUnusableException(String why, Throwable cause) {
        super(why, cause);
    }
}

package io.citustestkit.snapshot;

import io.citustestkit.commons.CitusTestkitException;
import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A cluster started from a snapshot does not hold what the snapshot recorded (nodes, distributed
 * tables), or a node of it did not start: the snapshot is removed and made again from a cold start;
 * it is never used half-way.
 */
@API(status = INTERNAL, since = "0.1")
public final class SnapshotUnusableException extends CitusTestkitException {

    private static final long serialVersionUID = 1L;

    public SnapshotUnusableException(String why) {
        super(why);
    }

    public SnapshotUnusableException(String why, Throwable cause) {
        super(why, cause);
    }
}

package io.citustestkit.plan;

import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Optional;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * How Citus runs an {@code INSERT ... SELECT} or {@code MERGE} it cannot push down to the shards:
 * the {@code "INSERT/SELECT method"} or {@code "MERGE INTO <table> method"} of its custom scan.
 *
 * <pre>{@code
 * plan.modifyWithSelectMethod();  // Optional[REPARTITION]
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public enum ModifyWithSelectMethod {

    /** The SELECT's results are repartitioned across the workers into the target shards. */
    REPARTITION("repartition"),

    /** The SELECT's results are pulled to the coordinator and inserted (or merged) from there. */
    PULL_TO_COORDINATOR("pull to coordinator");

    private final String label;

    ModifyWithSelectMethod(String label) {
        this.label = label;
    }

    /** {@return the method as Citus's EXPLAIN spells it, e.g. {@code "pull to coordinator"}} */
    public String label() {
        return label;
    }

    /**
     * The method with that EXPLAIN label.
     *
     * @param label e.g. {@code "repartition"}
     * @return the method, or empty for a label this version does not know
     */
    public static Optional<ModifyWithSelectMethod> fromLabel(String label) {
        String normalized = label.strip().toLowerCase(Locale.ROOT);
        for (ModifyWithSelectMethod method : values()) {
            if (method.label.equals(normalized)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}

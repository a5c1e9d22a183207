package io.citustestkit.assertions.error;

import io.citustestkit.recording.RecordedStatement;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;
import java.util.function.Function;

/**
 * Builds the failure of {@code allTouchOnlyTenant(value)}: statements read or wrote shards that do
 * not hold that distribution value.
 *
 * <pre>{@code
 * Expecting every recorded statement that touched a distributed table (2 of 2) to touch only the shards
 * holding tenant 42 (events 102009, users 102041),
 * but 1 did not:
 * 1) SELECT * FROM events
 *    ran 1 time: MULTI_SHARD, 4 tasks on worker-1, worker-2
 *    shards: events 102008, events 102009, events 102010, events 102011
 *    it touched shards of other tenants: events 102008, events 102010, events 102011
 *    Citus ran: ...
 * }</pre>
 */
public final class ShouldAllTouchOnlyTenant extends CitusMessageFactory {

    private ShouldAllTouchOnlyTenant(String message) {
        super("%s", unquoted(message));
    }

    /**
     * The failure for statements that touched other tenants' shards.
     *
     * @param tenant the distribution value
     * @param tenantShards the shards that hold it, per table touched ({@code events 102009})
     * @param judged how many recorded statements touched distributed tables
     * @param recorded how many statements were recorded
     * @param offending those that touched other shards
     * @param otherShards the shards an offending statement should not have touched, as text
     * @return the message factory
     */
    public static ErrorMessageFactory shouldAllTouchOnlyTenant(Object tenant, List<String> tenantShards, int judged, int recorded,
                                                               List<RecordedStatement> offending,
                                                               Function<RecordedStatement, String> otherShards) {
        return new ShouldAllTouchOnlyTenant("\nExpecting every recorded statement that touched a distributed table (" + judged
                + " of " + recorded + ") to touch only the shards holding tenant " + tenant + " ("
                + String.join(", ", tenantShards) + "),\nbut " + offending.size() + " did not:"
                + StatementsReport.of(offending, statement -> "it touched shards of other tenants: " + otherShards.apply(statement)));
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.recording.RecordedStatement;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;
import java.util.function.Function;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code allTouchOnlyTenant(value)}: statements read or wrote shards that do
 * not hold that distribution value, touched other tenants on the tenant's own shard (as Citus named
 * the distribution value of each task), did not let Citus name the tenant of every task, or were
 * delegated to a worker whose log does not show what their body ran. Each statement says which, next to its evidence.
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
 * 2) SELECT count(*) FROM events WHERE owner_id = $1
 *    parameters: [2]
 *    ran 1 time: ROUTER ..., 1 task on worker-2
 *    shards: events 102009
 *    distribution values: [2]
 *    it touched other tenants: 2 (the distribution values Citus named for its tasks: [2])
 *    Citus ran: SELECT count(*) AS count FROM public.events_102009 events WHERE (owner_id OPERATOR(pg_catalog.=) '2'::bigint)
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldAllTouchOnlyTenant extends CitusMessageFactory {

    private ShouldAllTouchOnlyTenant(Object tenant, List<String> tenantShards, int judged, int recorded, int offending, String report) {
        super("\nExpecting every recorded statement that touched a distributed table (%s of %s) to touch only tenant %s "
                + "(on the shards holding it: %s),\nbut %s did not:%s",
                judged, recorded, unquoted(String.valueOf(tenant)),
                unquoted(tenantShards.isEmpty() ? "none touched" : String.join(", ", tenantShards)), offending, unquoted(report));
    }

    /**
     * The failure for statements that touched other tenants' shards.
     *
     * @param tenant the distribution value
     * @param tenantShards the shards that hold it, per table touched ({@code events 102009})
     * @param judged how many recorded statements touched distributed tables
     * @param recorded how many statements were recorded
     * @param offending those that did not stay with the tenant
     * @param why what each offending statement did (one line per finding: other shards, other tenants named
     *            by Citus, tasks whose tenant Citus did not name, a delegated call)
     * @return the message factory
     */
    public static ErrorMessageFactory shouldAllTouchOnlyTenant(Object tenant, List<String> tenantShards, int judged, int recorded,
                                                               List<RecordedStatement> offending,
                                                               Function<RecordedStatement, String> why) {
        return new ShouldAllTouchOnlyTenant(tenant, tenantShards, judged, recorded, offending.size(), StatementsReport.of(offending, why));
    }
}

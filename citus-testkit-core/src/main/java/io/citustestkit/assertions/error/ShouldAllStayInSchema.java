package io.citustestkit.assertions.error;

import io.citustestkit.recording.RecordedStatement;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;
import java.util.function.Function;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code allStayInSchema(schema)}: statements touched distributed tables outside
 * that tenant's distributed schema, or were delegated to a worker whose log does not show what their body ran.
 *
 * <pre>{@code
 * Expecting every recorded statement that touched a distributed table (2 of 2) to stay in distributed schema tenant_a,
 * but 1 did not:
 * 1) SELECT * FROM tenant_b.orders
 *    ran 1 time: ROUTER ..., 1 task on worker-2
 *    shards: tenant_b.orders 102050
 *    it touched tables outside tenant_a: tenant_b.orders 102050
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldAllStayInSchema extends CitusMessageFactory {

    private ShouldAllStayInSchema(String schema, int judged, int recorded, int offending, String report) {
        super("\nExpecting every recorded statement that touched a distributed table (%s of %s) to stay in distributed schema %s,"
                + "\nbut %s did not:%s", judged, recorded, unquoted(schema), offending, unquoted(report));
    }

    /**
     * The failure for statements that left the schema.
     *
     * @param schema the tenant's distributed schema
     * @param judged how many recorded statements touched distributed tables
     * @param recorded how many statements were recorded
     * @param offending those that touched tables outside it
     * @param why what each offending statement did (tables outside the schema, a delegated call)
     * @return the message factory
     */
    public static ErrorMessageFactory shouldAllStayInSchema(String schema, int judged, int recorded, List<RecordedStatement> offending,
                                                            Function<RecordedStatement, String> why) {
        return new ShouldAllStayInSchema(schema, judged, recorded, offending.size(), StatementsReport.of(offending, why));
    }
}

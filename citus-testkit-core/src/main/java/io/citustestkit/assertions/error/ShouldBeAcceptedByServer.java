package io.citustestkit.assertions.error;

import io.citustestkit.plan.SqlQuery;
import io.citustestkit.sql.ServerError;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of any query check whose statement the server refused to plan: the server's
 * message, where in the statement (with a caret), DETAIL and HINT.
 *
 * <pre>{@code
 * Expecting the server to plan query:
 *   SELECT count(*) FROM orders o JOIN products p ON o.product_id = p.id
 * but it rejected it:
 *   ERROR: the query contains a join that requires repartitioning (SQLSTATE 0A000)
 *   HINT: Set citus.enable_repartition_joins to on to enable repartitioning
 * With citus-testkit: assertThatQuery(...).withSetting("citus.enable_repartition_joins", "on").
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldBeAcceptedByServer extends CitusMessageFactory {

    private static final String REPARTITION_SETTING = "citus.enable_repartition_joins";

    private ShouldBeAcceptedByServer(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * The failure for a statement the server rejected.
     *
     * @param query the statement
     * @param error what the server answered
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeAcceptedByServer(SqlQuery query, ServerError error) {
        List<Object> arguments = Evidence.queryArguments(query);
        arguments.add(unquoted(Evidence.indent(error.render(query.sql()), 2)));
        String format = Evidence.queryFormat("Expecting the server to plan query", query) + "but it rejected it:%n%s";
        if (error.hint() != null && error.hint().contains(REPARTITION_SETTING)) {
            format += "%nWith citus-testkit: assertThatQuery(...).withSetting(\"" + REPARTITION_SETTING
                    + "\", \"on\").";
        }
        return new ShouldBeAcceptedByServer(format, arguments.toArray());
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.plan.DistributedPlan;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code hasNoRepartition()}: data is repartitioned between the workers, by
 * a repartition join or an {@code INSERT ... SELECT}/{@code MERGE} with method {@code repartition}.
 *
 * <pre>{@code
 * Expecting query:
 *   INSERT INTO products (id, name) SELECT id, event_type FROM events
 * to need no repartition between the workers
 * but its INSERT ... SELECT uses method repartition: the SELECT runs as 32 tasks on 2 workers: w1 16, w2 16,
 * then its rows are repartitioned into the target's shards.
 * Classification: REPARTITION (repartitioned between the workers)
 * Plan: ...
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveNoRepartition extends CitusMessageFactory {

    private ShouldHaveNoRepartition(Evidence.Message message) {
        super(message.format(), message.arguments());
    }

    /**
     * The failure for a plan that repartitions data.
     *
     * @param plan the statement's plan
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveNoRepartition(DistributedPlan plan) {
        return new ShouldHaveNoRepartition(Evidence.queryMessage(plan, "need no repartition between the workers",
                Evidence.whatHappened(plan)));
    }
}

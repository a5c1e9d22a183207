package io.citustestkit.assertions.error;

import io.citustestkit.recording.RecordedStatement;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code allRoutedToSingleWorker()}: statements that touched distributed tables
 * did not each run as one task on one node (for a delegated call: its body, on its worker), or were
 * delegated to a worker whose log does not show what their body ran.
 *
 * <pre>{@code
 * Expecting every recorded statement that touched a distributed table (3 of 5) to run as one task on one node,
 * but 1 did not:
 * 1) SELECT * FROM events WHERE event_type = $1
 *    parameters: [login]
 *    ran 1 time: MULTI_SHARD, 4 tasks on worker-1, worker-2
 *    shards: events 102008, events 102009, events 102010, events 102011
 *    it fanned out to 4 tasks
 *    Citus ran: SELECT ... FROM public.events_102008 events WHERE ...
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldAllBeRoutedToSingleWorker extends CitusMessageFactory {

    private ShouldAllBeRoutedToSingleWorker(int judged, int recorded, int offending, String report) {
        super("\nExpecting every recorded statement that touched a distributed table (%s of %s) to run as one task on one node,"
                + "\nbut %s did not:%s", judged, recorded, offending, unquoted(report));
    }

    private static String why(RecordedStatement statement) {
        if (statement.unseenWorkReason().isPresent()) {
            return statement.unseenWorkReason().get();
        }
        String who = statement.isDelegated() ? "its body, delegated to " + String.join(", ", statement.delegatedTo()) + "," : "it";
        return statement.tasks() > 1 ? who + " fanned out to " + statement.tasks() + " tasks" : who + " ran on " + statement.nodes().size() + " nodes";
    }

    /**
     * The failure for statements that fanned out.
     *
     * @param judged how many recorded statements touched distributed tables
     * @param recorded how many statements were recorded
     * @param offending those that did not run as one task on one node
     * @return the message factory
     */
    public static ErrorMessageFactory shouldAllBeRoutedToSingleWorker(int judged, int recorded, List<RecordedStatement> offending) {
        return new ShouldAllBeRoutedToSingleWorker(judged, recorded, offending.size(),
                StatementsReport.of(offending, ShouldAllBeRoutedToSingleWorker::why));
    }
}

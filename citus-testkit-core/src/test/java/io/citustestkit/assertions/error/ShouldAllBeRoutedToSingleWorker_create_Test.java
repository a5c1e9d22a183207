package io.citustestkit.assertions.error;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.Shard;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.recording.RecordedStatement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldAllBeRoutedToSingleWorker.shouldAllBeRoutedToSingleWorker;
import static org.assertj.core.api.BDDAssertions.then;

/**
 * The failure of {@code allRoutedToSingleWorker()}, on a statement as a real coordinator log recorded it
 * (Citus 14.0.1 / PostgreSQL 18, a filter without the distribution column: one task per shard).
 */
class ShouldAllBeRoutedToSingleWorker_create_Test {

    private static final Shard EVENTS_102008 = shard(102008, "-2147483648", "-1073741825", "worker-1");
    private static final Shard EVENTS_102009 = shard(102009, "-1073741824", "-1", "worker-2");

    private static final RecordedStatement FAN_OUT = new RecordedStatement("SELECT * FROM events WHERE event_type LIKE 'log%'",
            List.of(), PlanKind.MULTI_SHARD, List.of(EVENTS_102008, EVENTS_102009), List.of("worker-1", "worker-2"),
            List.of("SELECT event_id FROM public.events_102008 events WHERE (event_type ~~ 'log%'::text)",
                    "SELECT event_id FROM public.events_102009 events WHERE (event_type ~~ 'log%'::text)"), null,
            List.of(), null, List.of());

    private static Shard shard(long id, String min, String max, String worker) {
        return new Shard(id, "events", TableKind.DISTRIBUTED, 2, min, max, List.of(new NodeAddress(worker, 5432)));
    }

    @Test
    void should_say_how_many_statements_fanned_out_and_how_with_the_sql_as_recorded() {
        // WHEN
        String message = create(shouldAllBeRoutedToSingleWorker(3, 5, List.of(FAN_OUT)));
        // THEN
        then(message).startsWith("[TEST] \n"
                        + "Expecting every recorded statement that touched a distributed table (3 of 5) to run as one task on one node,\n"
                        + "but 1 did not:\n"
                        + "1) SELECT * FROM events WHERE event_type LIKE 'log%'\n")
                .contains("   shards: events 102008, events 102009\n")
                .contains("   it fanned out to 2 tasks\n")
                .contains("Citus ran: SELECT event_id FROM public.events_102008 events WHERE (event_type ~~ 'log%'::text)");
    }
}

package io.citustestkit.recording;

import java.util.List;

/**
 * What the body of a call Citus delegated to a worker ran there, from that worker's log: the commands
 * its queries ran (on the worker itself, named by the worker, or sent on to other nodes), or why they are
 * not known.
 *
 * <pre>{@code
 * DelegatedBody body = workers.body(statement, index);
 * body.unseen();   // null: the worker's log showed the call
 * body.commands(); // [executing locally on worker-1: SELECT count(*) FROM public.events_102009 events WHERE ...]
 * }</pre>
 *
 * @param worker the worker Citus delegated the call to ({@code worker-1})
 * @param commands the commands the body ran, each with the node it ran on (the worker for local execution)
 * @param unseen why the body's work is not known (the worker's log is not readable, or shows no such call), or {@code null}
 */
record DelegatedBody(String worker, List<ExecutedCommand> commands, String unseen) {

    DelegatedBody {
        commands = List.copyOf(commands);
    }

    static DelegatedBody unseen(String worker, String why) {
        return new DelegatedBody(worker, List.of(), why);
    }

    boolean isSeen() {
        return unseen == null;
    }
}

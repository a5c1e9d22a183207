package io.citustestkit.recording;

import io.citustestkit.commons.CitusTestkitException;
import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Statement recording cannot work on this coordinator: a setting it needs is off, or the role may
 * not read the server's log. The message lists what is missing and how to set it.
 *
 * <pre>{@code
 * catch (RecordingUnavailableException e) {
 *     // "... log_statement is 'none', needs 'all': ALTER SYSTEM SET log_statement = 'all'; SELECT pg_reload_conf(); ..."
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RecordingUnavailableException extends CitusTestkitException {

    private static final long serialVersionUID = 1L;

    RecordingUnavailableException(String message) {
        super(message);
    }
}

package io.citustestkit.recording;

import io.citustestkit.commons.CitusTestkitException;

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
public final class RecordingUnavailableException extends CitusTestkitException {

    private static final long serialVersionUID = 1L;

    RecordingUnavailableException(String message) {
        super(message);
    }
}

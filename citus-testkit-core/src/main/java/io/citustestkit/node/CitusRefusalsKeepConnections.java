package io.citustestkit.node;

import com.zaxxer.hikari.SQLExceptionOverride;
import org.apiguardian.api.API;

import java.sql.SQLException;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Tells HikariCP not to evict a connection for SQLSTATE {@code 0A000} (feature not supported). Citus
 * answers most statements it refuses with that code ("cannot create constraint ...", "complex joins
 * are only supported when ..."); the connection is fine, and evicting it logs a stack trace for
 * every refusal a test provokes.
 *
 * <pre>{@code
 * hikariConfig.setExceptionOverride(new CitusRefusalsKeepConnections());
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class CitusRefusalsKeepConnections implements SQLExceptionOverride {

    private static final String FEATURE_NOT_SUPPORTED = "0A000";

    @java.lang.Override
    public Override adjudicate(SQLException exception) {
        return FEATURE_NOT_SUPPORTED.equals(exception.getSQLState()) ? Override.DO_NOT_EVICT : Override.CONTINUE_EVICT;
    }
}

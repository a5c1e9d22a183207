package io.citustestkit.assertions.error;

import io.citustestkit.metadata.SchemaMetadata;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of any schema check on a schema that does not exist.
 *
 * <pre>{@code
 * Expecting schema:
 *   tenant_x
 * to exist
 * but to_regnamespace('tenant_x') found no schema of that name.
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SchemaShouldExist extends CitusMessageFactory {

    private SchemaShouldExist(String requestedName) {
        super("%nExpecting schema:%n  %s%nto exist%nbut to_regnamespace('%s') found no schema of that name.",
                unquoted(requestedName), unquoted(requestedName));
    }

    /**
     * The failure for a missing schema.
     *
     * @param schema the metadata read for it ({@code kind() == MISSING})
     * @return the message factory
     */
    public static ErrorMessageFactory schemaShouldExist(SchemaMetadata schema) {
        return new SchemaShouldExist(schema.requestedName());
    }
}

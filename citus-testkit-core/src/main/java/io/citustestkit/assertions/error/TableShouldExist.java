package io.citustestkit.assertions.error;

import io.citustestkit.metadata.TableMetadata;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of any table check on a table that does not exist.
 *
 * <pre>{@code
 * Expecting table:
 *   evnts
 * to exist
 * but to_regclass('evnts') found no relation of that name under the current search_path.
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class TableShouldExist extends CitusMessageFactory {

    private TableShouldExist(String requestedName) {
        super("%nExpecting table:%n  %s%nto exist%nbut to_regclass('%s') found no relation of that name under the"
                + " current search_path.", unquoted(requestedName), unquoted(requestedName));
    }

    /**
     * The failure for a missing table.
     *
     * @param table the metadata read for it ({@code kind() == MISSING})
     * @return the message factory
     */
    public static ErrorMessageFactory tableShouldExist(TableMetadata table) {
        return new TableShouldExist(table.requestedName());
    }
}

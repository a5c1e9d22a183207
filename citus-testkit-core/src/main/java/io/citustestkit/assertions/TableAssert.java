package io.citustestkit.assertions;

import io.citustestkit.metadata.TableMetadata;
import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Assertions on what Citus makes of one table; see {@link AbstractTableAssert}. Made by
 * {@link CitusAssertions#assertThatTable(javax.sql.DataSource, String)}.
 *
 * <pre>{@code
 * assertThatTable(dataSource, "event_types").isReferenceTable();
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class TableAssert extends AbstractTableAssert<TableAssert> {

    TableAssert(TableMetadata actual, Database database) {
        super(actual, database, TableAssert.class);
    }
}

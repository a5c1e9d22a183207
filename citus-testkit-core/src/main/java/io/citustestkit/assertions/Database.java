package io.citustestkit.assertions;

import io.citustestkit.metadata.CitusMetadataReader;
import io.citustestkit.metadata.TableMetadata;
import io.citustestkit.plan.DistributedPlan;
import io.citustestkit.plan.ExplainRunner;
import io.citustestkit.plan.SqlQuery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Objects;

/** Where the assertions read from: a DataSource (a connection per read) or a caller's Connection (left open). */
final class Database {

    private final DataSource dataSource;
    private final Connection connection;

    private Database(DataSource dataSource, Connection connection) {
        this.dataSource = dataSource;
        this.connection = connection;
    }

    static Database of(DataSource dataSource) {
        return new Database(Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    static Database of(Connection connection) {
        return new Database(null, Objects.requireNonNull(connection, "connection"));
    }

    DistributedPlan explain(ExplainRunner runner, SqlQuery query) {
        return dataSource != null ? runner.explain(dataSource, query) : runner.explain(connection, query);
    }

    List<TableMetadata> readTables(List<String> tables) {
        return dataSource != null
                ? CitusMetadataReader.readTables(dataSource, tables)
                : CitusMetadataReader.readTables(connection, tables);
    }
}

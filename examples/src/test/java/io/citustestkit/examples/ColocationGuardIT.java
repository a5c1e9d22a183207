package io.citustestkit.examples;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.citustestkit.assertions.CitusAssertions.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * For a library author: a test that keeps the schema multi-tenant as it grows. Every distributed table
 * must be colocated with {@code users}, or a join on the tenant key stops running next to the data.
 * The guard reads the tables from the Citus catalog instead of a list in the test, so the table someone
 * adds next year is checked too. Reference tables are left out: they have a copy on every node.
 */
@EnabledIfCitusImage
@CitusCluster(workers = 2, shardCount = 4, schema = "classpath:multi-tenant-schema.sql")
class ColocationGuardIT {

    // tag::colocation-guard[]
    @Test
    void should_keep_every_distributed_table_colocated_with_users(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertEveryDistributedTableIsColocatedWithUsers(connection);
        }
    }

    static void assertEveryDistributedTableIsColocatedWithUsers(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        // partmethod 'h': hash-distributed tables (reference and Citus local tables have 'n')
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT logicalrelid::regclass::text FROM pg_dist_partition"
                     + " WHERE partmethod = 'h' ORDER BY 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertThat(tables).as("the distributed tables the guard checks").contains("users", "events", "user_sessions");

        assertAll(tables.stream().map(table -> () -> assertThatTable(connection, table).isColocatedWith("users")));
    }
    // end::colocation-guard[]

    @Test
    void should_name_a_new_table_that_is_not_colocated_with_users(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // GIVEN someone adds a table distributed on its own (in a transaction, rolled back below)
            connection.setAutoCommit(false);
            statement.execute("CREATE TABLE audit_trail (owner_id bigint NOT NULL, entry text)");
            statement.execute("SELECT create_distributed_table('audit_trail', 'owner_id', colocate_with => 'none')");
            try {
                // WHEN / THEN
                assertThatThrownBy(() -> assertEveryDistributedTableIsColocatedWithUsers(connection))
                        .hasMessageContaining("audit_trail, users")
                        .hasMessageContaining("to be colocated")
                        .hasMessageContaining("colocation group");
            } finally {
                connection.rollback();
            }
        }
    }
}

package io.citustestkit.schema;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigrationExceptionTest {

    /** The server's answer as Citus 14.0.1 sends it for a UNIQUE constraint without the distribution column. */
    private static final String CITUS_UNIQUE_ERROR = "SERROR\0VERROR\0C0A000\0"
            + "Mcannot create constraint on \"accounts_102008\"\0"
            + "DDistributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the "
            + "partition column (with an equality operator if EXCLUDE).\0"
            + "HConsider adding the partition column.\0"
            + "Fcommands.c\0L100\0Rcheck\0";

    @Test
    void should_name_the_migration_file_line_statement_and_server_error() {
        PSQLException server = new PSQLException(new ServerErrorMessage(CITUS_UNIQUE_ERROR));
        RuntimeException tool = new RuntimeException("Migration V2__distribute_accounts.sql failed", server);
        FailedMigration migration = new FailedMigration("Flyway", "2", "distribute accounts", "V2__distribute_accounts.sql", 7,
                "SELECT create_distributed_table('accounts', 'tenant_id')");

        SchemaMigrationException exception = new SchemaMigrationException("flyway:classpath:db/migration", migration, tool)
                .withClusterDiscarded();

        assertThat(exception).hasCause(tool).hasMessage("""
                Flyway migration 2 (distribute accounts) of 'flyway:classpath:db/migration' failed, in V2__distribute_accounts.sql at line 7:
                  SELECT create_distributed_table('accounts', 'tenant_id')
                  ERROR: cannot create constraint on "accounts_102008" (SQLSTATE 0A000)
                  DETAIL: Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include \
                the partition column (with an equality operator if EXCLUDE).
                  HINT: Consider adding the partition column.
                Fix the migration in 'V2__distribute_accounts.sql'; the cluster that ran it was not kept.""");
        assertThat(exception.location()).isEqualTo("flyway:classpath:db/migration");
        assertThat(exception.migration()).isEqualTo(migration);
    }

    @Test
    void should_name_a_liquibase_change_set_and_say_earlier_ones_stay_applied() {
        PSQLException server = new PSQLException(new ServerErrorMessage(CITUS_UNIQUE_ERROR));
        FailedMigration changeSet = new FailedMigration("Liquibase", "2-accounts::kit", "sql", "db/master.yaml", 0, null);

        String message = new SchemaMigrationException("liquibase:classpath:db/master.yaml", changeSet,
                new IllegalStateException("update failed", server)).getMessage();

        assertThat(message).startsWith("Liquibase change set 2-accounts::kit (sql) of 'liquibase:classpath:db/master.yaml' failed, "
                        + "in db/master.yaml:\n  ERROR: cannot create constraint")
                .endsWith("Fix the change set in 'db/master.yaml'; the migrations before it stay applied "
                        + "(a change set in a transaction is rolled back).");
    }

    @Test
    void should_show_the_tool_message_when_no_server_error_is_in_the_chain() {
        FailedMigration unknown = new FailedMigration("Flyway", null, null, null, 0, null);

        String message = new SchemaMigrationException("flyway:db/migration", unknown,
                new IllegalStateException("Validate failed: checksum mismatch for migration version 1")).getMessage();

        assertThat(message).isEqualTo("""
                Flyway run of 'flyway:db/migration' failed:
                  Flyway: Validate failed: checksum mismatch for migration version 1
                Fix the migration; the migrations before it stay applied (a migration in a transaction is rolled back).""");
    }
}

package io.citustestkit.examples;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.schema.SchemaStatementException;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the kit reports when a schema breaks Citus's rule for keys: {@code broken-unique-schema.sql}
 * declares {@code UNIQUE (email)} on a table distributed by {@code owner_id}, and Citus refuses to
 * distribute it. The failure names the script, the statement's number and line, its SQL, and passes
 * on the server's ERROR and the DETAIL in which Citus says why.
 *
 * <p>This class starts its own cluster (a coordinator only: the rule does not depend on the workers)
 * instead of sharing the examples' {@code @CitusCluster}, because the point is to watch the start fail.
 * Nothing of it is left running: a cluster whose schema fails is removed before the exception is thrown.
 */
@EnabledIfCitusImage
class BrokenSchemaIT {

    @Test
    void should_name_the_statement_and_pass_on_citus_s_explanation_when_a_unique_key_lacks_the_distribution_column() {
        // tag::broken-schema[]
        SchemaStatementException failure = catchThrowableOfType(SchemaStatementException.class,
                () -> CitusTestCluster.builder()
                        .workers(0)
                        .schema("classpath:broken-unique-schema.sql")
                        .start());

        assertThat(failure.location()).isEqualTo("classpath:broken-unique-schema.sql");
        assertThat(failure.statement().number()).isEqualTo(4);
        assertThat(failure.statement().line()).isEqualTo(14);
        assertThat(failure)
                .hasMessageStartingWith("Schema statement 4 of 'classpath:broken-unique-schema.sql' (line 14) failed:\n"
                        + "  SELECT create_distributed_table('invitations', 'owner_id', colocate_with => 'users')")
                .hasMessageContaining("ERROR: cannot create constraint on \"invitations\"")
                .hasMessageContaining("DETAIL: Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY"
                        + " constraints that do not include the partition column")
                .hasCauseInstanceOf(PSQLException.class);
        // end::broken-schema[]
    }
}

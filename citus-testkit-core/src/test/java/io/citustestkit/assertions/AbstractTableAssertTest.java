package io.citustestkit.assertions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AbstractTableAssertTest {

    @Test
    void should_match_a_distribution_column_as_postgres_folds_identifiers() {
        assertThat(AbstractTableAssert.sameColumn("owner_id", "owner_id")).isTrue();
        assertThat(AbstractTableAssert.sameColumn("owner_id", "OWNER_ID")).as("unquoted, folded").isTrue();
        assertThat(AbstractTableAssert.sameColumn("TenantId", "\"TenantId\"")).as("quoted, exact").isTrue();
        assertThat(AbstractTableAssert.sameColumn("TenantId", "TenantId")).as("as written").isTrue();
        assertThat(AbstractTableAssert.sameColumn("tenantid", "\"TenantId\"")).isFalse();
        assertThat(AbstractTableAssert.sameColumn(null, "id")).as("no distribution column").isFalse();
    }
}

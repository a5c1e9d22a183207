package io.citustestkit.examples;

// The examples' own guard: skips every class, with one line saying why, where no Citus image is present.
import io.citustestkit.testsupport.EnabledIfCitusImage;

// tag::quick-start[]
import io.citustestkit.junit5.CitusCluster;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static io.citustestkit.assertions.CitusAssertions.assertColocated;
import static io.citustestkit.assertions.CitusAssertions.assertReferenceTable;
import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;

// end::quick-start[]
/**
 * The smallest complete example: a real cluster (a coordinator and 2 workers, 4 shards per table,
 * the multi-tenant schema applied), a {@link DataSource} of its coordinator injected into the test,
 * and the two questions a team asks most: does a tenant's query run on one worker, and are a
 * tenant's tables kept together?
 *
 * <p>Every example class asks for the same {@code @CitusCluster} configuration, so the whole module
 * starts one cluster and shares it.
 */
@EnabledIfCitusImage
// tag::quick-start[]
@CitusCluster(workers = 2, shardCount = 4, schema = "classpath:multi-tenant-schema.sql")
class QuickStartIT {

    @Test
    void should_route_a_tenant_s_query_to_one_worker(DataSource dataSource) {
        assertRoutedToSingleWorker(dataSource, "SELECT * FROM events WHERE owner_id = ?", 42L);
    }

    @Test
    void should_keep_a_tenant_s_tables_on_the_same_workers(DataSource dataSource) {
        assertColocated(dataSource, "users", "events", "user_sessions");
        assertReferenceTable(dataSource, "event_types");
    }
}
// end::quick-start[]

package io.citustestkit.examples;

import io.citustestkit.junit5.CitusCluster;
import io.citustestkit.plan.PlanKind;
import io.citustestkit.testsupport.EnabledIfCitusImage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.citustestkit.assertions.CitusAssertions.assertRoutedToSingleWorker;
import static io.citustestkit.assertions.CitusAssertions.assertThatQuery;
import static io.citustestkit.examples.TenantData.insertSession;
import static io.citustestkit.examples.TenantData.insertUser;
import static io.citustestkit.examples.TenantData.queryForLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pattern "cross-shard": a join that does not pair rows by the tenant key. {@code events} and
 * {@code user_sessions} are colocated, but joined on {@code session_id = id} alone the rows that match
 * may live on different shards, so Citus treats it as a join of non-colocated tables: it refuses it,
 * or, with {@code citus.enable_repartition_joins} on, repartitions both tables between the workers
 * for every execution. The fix is in the query: join on the tenant key as well.
 */
@EnabledIfCitusImage
@CitusCluster(workers = 2, shardCount = 4, schema = "classpath:multi-tenant-schema.sql")
class CrossShardJoinIT {

    /** Joins sessions to their events by session id only: a join of non-colocated rows. */
    private static final String JOIN_ON_SESSION_ID_ONLY = "SELECT count(*) FROM events e"
            + " JOIN user_sessions s ON s.id = e.session_id";

    @Test
    void should_show_the_error_citus_gives_for_the_join_without_repartition_joins(DataSource dataSource) {
        // tag::cross-shard-error[]
        assertThatThrownBy(() -> assertThatQuery(dataSource,
                "SELECT count(*) FROM events e JOIN user_sessions s ON s.id = e.session_id")
                .hasNoRepartition())
                .hasMessageContaining("the query contains a join that requires repartitioning")
                .hasMessageContaining("withSetting(\"citus.enable_repartition_joins\", \"on\")");
        // end::cross-shard-error[]
    }

    @Test
    void should_show_the_repartition_when_repartition_joins_are_on(DataSource dataSource) {
        // tag::cross-shard-repartition[]
        assertThatQuery(dataSource, "SELECT count(*) FROM events e JOIN user_sessions s ON s.id = e.session_id")
                .withSetting("citus.enable_repartition_joins", "on")
                .isClassifiedAs(PlanKind.REPARTITION);
        // end::cross-shard-repartition[]
        assertThatThrownBy(() -> assertThatQuery(dataSource, JOIN_ON_SESSION_ID_ONLY)
                .withSetting("citus.enable_repartition_joins", "on")
                .hasNoRepartition())
                .hasMessageContaining("repartition join");
    }

    @Test
    void should_keep_the_join_on_the_workers_once_it_pairs_rows_by_the_tenant_key(DataSource dataSource) {
        // tag::cross-shard-fix[]
        assertThatQuery(dataSource, "SELECT count(*) FROM events e"
                + " JOIN user_sessions s ON s.owner_id = e.owner_id AND s.id = e.session_id")
                .isMultiShard()
                .hasNoRepartition();
        assertRoutedToSingleWorker(dataSource, "SELECT count(*) FROM events e"
                + " JOIN user_sessions s ON s.owner_id = e.owner_id AND s.id = e.session_id WHERE e.owner_id = ?", 42L);
        // end::cross-shard-fix[]
    }

    @Test
    void should_find_the_same_rows_either_way(DataSource dataSource) throws SQLException {
        // GIVEN two tenants with a session each, and three events in each session
        for (long tenant = 1; tenant <= 2; tenant++) {
            insertUser(dataSource, tenant);
            long session = insertSession(dataSource, tenant, "token-" + tenant);
            for (int i = 0; i < 3; i++) {
                queryForLong(dataSource, "INSERT INTO events (owner_id, event_type, session_id) VALUES (?, 'login', ?)"
                        + " RETURNING id", tenant, session);
            }
        }

        // WHEN
        long colocated = queryForLong(dataSource, "SELECT count(*) FROM events e"
                + " JOIN user_sessions s ON s.owner_id = e.owner_id AND s.id = e.session_id");
        long repartitioned;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET citus.enable_repartition_joins = on");
            try (ResultSet rows = statement.executeQuery(JOIN_ON_SESSION_ID_ONLY)) {
                rows.next();
                repartitioned = rows.getLong(1);
            } finally {
                statement.execute("RESET citus.enable_repartition_joins");
            }
        }

        // THEN the answer is the same (session ids are unique); only the cost differs
        assertThat(colocated).isEqualTo(6);
        assertThat(repartitioned).isEqualTo(colocated);
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.plan.Recordings;
import io.citustestkit.plan.SqlQuery;
import io.citustestkit.sql.ServerError;
import org.junit.jupiter.api.Test;

import static io.citustestkit.assertions.error.Messages.create;
import static io.citustestkit.assertions.error.ShouldBeAcceptedByServer.shouldBeAcceptedByServer;
import static org.assertj.core.api.BDDAssertions.then;

/** The failure for a statement the server rejects, on the errors recorded instead of plans. */
class ShouldBeAcceptedByServer_create_Test {

    @Test
    void should_show_where_an_unknown_column_is_and_the_server_hint() {
        // GIVEN
        String name = "seed_bad_column";
        ServerError error = Recordings.serverError(Recordings.CITUS_14, name);
        // WHEN
        String message = create(shouldBeAcceptedByServer(Recordings.query(name), error));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting the server to plan query:%n"
                + "  SELECT u.email, count(*) AS event_count FROM users u JOIN events e ON u.id = e.owner_id"
                + " WHERE u.owner_id = 123 GROUP BY u.email%n"
                + "but it rejected it:%n"
                + "  ERROR: column u.owner_id does not exist%n"
                + "  at character 95:%n"
                + "    ...events e ON u.id = e.owner_id WHERE u.owner_id = 123 GROUP BY u.email%n"
                + "                                           ^%n"
                + "  HINT: Perhaps you meant to reference the column \"e.owner_id\"."));
    }

    @Test
    void should_tell_how_to_enable_repartition_joins_when_the_server_asks_for_it() {
        // GIVEN
        String name = "non_colocated_join_no_repartition";
        ServerError error = Recordings.serverError(Recordings.CITUS_12, name);
        // WHEN
        String message = create(shouldBeAcceptedByServer(Recordings.query(name), error));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting the server to plan query:%n"
                + "  SELECT count(*) FROM orders o JOIN products p ON o.product_id = p.id%n"
                + "but it rejected it:%n"
                + "  ERROR: the query contains a join that requires repartitioning%n"
                + "  HINT: Set citus.enable_repartition_joins to on to enable repartitioning%n"
                + "With citus-testkit: assertThatQuery(...).withSetting(\"citus.enable_repartition_joins\", \"on\")."));
    }

    @Test
    void should_show_citus_refusing_a_join_across_two_tenant_schemas() {
        // GIVEN tenant_a.orders JOIN tenant_b.orders, refused by Citus 14.0 (and 12.1)
        String folder = Recordings.schemaBased(Recordings.CITUS_14);
        ServerError error = Recordings.serverError(folder, "cross_tenant_join");
        // WHEN
        String message = create(shouldBeAcceptedByServer(SqlQuery.of(Recordings.schemaBasedQueries()
                .get("cross_tenant_join")), error));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting the server to plan query:%n"
                + "  SELECT count(*) FROM tenant_a.orders a JOIN tenant_b.orders b ON b.id = a.id%n"
                + "but it rejected it:%n"
                + "  ERROR: the query contains a join that requires repartitioning%n"
                + "  HINT: Set citus.enable_repartition_joins to on to enable repartitioning%n"
                + "With citus-testkit: assertThatQuery(...).withSetting(\"citus.enable_repartition_joins\", \"on\")."));
    }

    @Test
    void should_show_citus_refusing_an_update_across_two_tenant_schemas() {
        // GIVEN
        String folder = Recordings.schemaBased(Recordings.CITUS_12);
        ServerError error = Recordings.serverError(folder, "cross_tenant_update");
        // WHEN
        String message = create(shouldBeAcceptedByServer(SqlQuery.of(Recordings.schemaBasedQueries()
                .get("cross_tenant_update")), error));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting the server to plan query:%n"
                + "  UPDATE tenant_a.orders o SET quantity = b.quantity FROM tenant_b.orders b WHERE b.id = o.id%n"
                + "but it rejected it:%n"
                + "  ERROR: router planner does not support queries that reference non-colocated distributed tables"));
    }

    @Test
    void should_show_sqlstate_detail_and_parameters() {
        // GIVEN
        SqlQuery query = SqlQuery.of("INSERT INTO events (owner_id) VALUES (?)", "acme");
        ServerError error = new ServerError("ERROR", "22P02", "invalid input syntax for type bigint: \"acme\"",
                "unnamed portal parameter $1 = '...'", null, 0);
        // WHEN
        String message = create(shouldBeAcceptedByServer(query, error));
        // THEN
        then(message).isEqualTo(String.format("[TEST] %n"
                + "Expecting the server to plan query:%n"
                + "  INSERT INTO events (owner_id) VALUES (?)%n"
                + "with parameters:%n"
                + "  [\"acme\"]%n"
                + "but it rejected it:%n"
                + "  ERROR: invalid input syntax for type bigint: \"acme\" (SQLSTATE 22P02)%n"
                + "  DETAIL: unnamed portal parameter $1 = '...'"));
    }
}

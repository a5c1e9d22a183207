package io.citustestkit.recording;

import io.citustestkit.plan.ShardRelation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value Citus named for a command holds for every hash-distributed shard it reads only when each is held to it
 * by equalities of one plain join. The commands are as Citus 14.0.1 sent them (its coordinator's log), with
 * {@code events} and {@code users} hash-distributed on {@code owner_id} and {@code id}, and {@code event_types} a
 * reference table.
 */
class NamedValueCheckTest {

    private static final Function<ShardRelation, Optional<String>> HASHED = relation ->
            relation.table().equals("event_types") ? Optional.empty() : Optional.of(relation.table().equals("unknown") ? "" : relation.table());
    private static final Function<String, String> COLUMN = table -> table.equals("users") ? "id"
            : table.equals("articles_hash") ? "author_id" : "owner_id";

    private static String whyNot(String command, String value, List<String> parameters) {
        return NamedValueCheck.whyNot(command, value, parameters, HASHED, COLUMN);
    }

    @Test
    void should_keep_the_value_of_a_command_on_one_tables_shard_read_once() {
        assertThat(whyNot("SELECT count(*) AS count FROM public.events_102011 events WHERE (owner_id OPERATOR(pg_catalog.=) $1)",
                "42", List.of("42"))).isNull();
        assertThat(whyNot("SELECT e.id FROM (public.events_102011 e JOIN public.event_types_102040 t ON ((t.name OPERATOR(pg_catalog.=) "
                + "e.event_type))) WHERE (e.owner_id OPERATOR(pg_catalog.=) 42)", "42", List.of()))
                .as("a reference table carries no tenant").isNull();
    }

    @Test
    void should_keep_the_value_of_a_colocated_join_that_holds_every_table_to_it() {
        String join = "SELECT count(*) AS count FROM (public.users_102008 u JOIN public.events_102012 e ON ((u.id OPERATOR(pg_catalog.=) "
                + "e.owner_id))) WHERE (u.id OPERATOR(pg_catalog.=) '42'::bigint)";
        assertThat(whyNot(join, "42", List.of())).isNull();
        assertThat(whyNot(join.replace("'42'::bigint", "$1"), "42", List.of("42"))).as("a bound parameter").isNull();
        assertThat(whyNot(join.replace("'42'::bigint", "$1"), "42", null)).as("a body's own parameter").isNotNull();
        assertThat(whyNot("SELECT count(*) AS count FROM (public.events_102012 a JOIN public.events_102012 b ON ((a.id OPERATOR(pg_catalog.=) "
                + "b.id))) WHERE ((a.owner_id OPERATOR(pg_catalog.=) (42)::bigint) AND (b.owner_id OPERATOR(pg_catalog.=) a.owner_id))",
                "42", List.of())).as("a self-join").isNull();
    }

    @Test
    void should_keep_the_value_when_a_cte_pushed_down_with_the_query_holds_its_read_to_it_too() {
        // Citus's regression test multi_router_planner: "query has a single distribution column value: 1"
        assertThat(whyNot("WITH first_author AS MATERIALIZED (SELECT articles_hash_1.id FROM public.articles_hash_840000 articles_hash_1 "
                + "WHERE (articles_hash_1.author_id OPERATOR(pg_catalog.=) 1)) SELECT title FROM public.articles_hash_840000 articles_hash "
                + "WHERE (author_id OPERATOR(pg_catalog.=) 1)", "1", List.of())).isNull();
    }

    @Test
    void should_keep_the_value_of_an_in_subquery_whose_rows_are_held_to_it() {
        // multi_router_planner: "SELECT * FROM articles_hash WHERE author_id IN (SELECT author_id FROM articles_hash WHERE author_id = 2)"
        String in = "SELECT id, author_id, title, word_count FROM public.articles_hash_840000 articles_hash WHERE (author_id "
                + "OPERATOR(pg_catalog.=) ANY (SELECT articles_hash_1.author_id FROM public.articles_hash_840000 articles_hash_1 "
                + "WHERE (articles_hash_1.author_id OPERATOR(pg_catalog.=) %s))) ORDER BY id";
        assertThat(whyNot(in.formatted("2"), "2", List.of())).isNull();
        assertThat(whyNot(in.formatted("2").replace("SELECT articles_hash_1.author_id FROM", "SELECT articles_hash_1.id FROM"),
                "2", List.of())).as("the subquery returns another column").isNotNull();
        assertThat(whyNot(in.formatted("3"), "2", List.of())).as("held to another value").isNotNull();
    }

    @Test
    void should_not_hold_an_in_subquery_to_the_value_through_the_rows_it_returns_to_a_held_read() {
        // the outer read is held to 42, the subquery's read is not (IN list, LIMIT): it reads tenant 7 on the same shard
        String in = "SELECT e.id FROM public.events_102008 e WHERE ((e.owner_id OPERATOR(pg_catalog.=) 42) AND (e.owner_id "
                + "OPERATOR(pg_catalog.=) ANY (SELECT a.owner_id FROM public.events_102008 a WHERE %s ORDER BY a.id DESC LIMIT 5)))";
        assertThat(whyNot(in.formatted("(a.owner_id OPERATOR(pg_catalog.=) ANY (ARRAY[(42)::bigint, (7)::bigint]))"), "42", List.of()))
                .startsWith("the command reads the shard of more than one table, or of one table more than once");
        assertThat(whyNot(in.formatted("(a.id OPERATOR(pg_catalog.>) 0)"), "42", List.of())).as("a subquery held to nothing").isNotNull();
        assertThat(whyNot(in.formatted("(a.owner_id OPERATOR(pg_catalog.=) 42)"), "42", List.of())).as("a subquery held to 42 itself")
                .isNull();
        assertThat(whyNot(in.formatted("(a.owner_id OPERATOR(pg_catalog.=) 7)"), "42", List.of())).as("a subquery held to 7").isNotNull();
    }

    @Test
    void should_drop_the_value_when_a_cte_pushed_down_with_the_query_reads_the_shard_again() {
        assertThat(whyNot("WITH o AS MATERIALIZED (SELECT events_1.id FROM public.events_102011 events_1 WHERE (events_1.owner_id "
                + "OPERATOR(pg_catalog.=) ANY (ARRAY[(42)::bigint, (2)::bigint]))) SELECT count(*) AS count FROM public.events_102011 "
                + "events WHERE ((owner_id OPERATOR(pg_catalog.=) 42) AND (id OPERATOR(pg_catalog.=) ANY (SELECT o.id FROM o)))", "42", List.of()))
                .startsWith("the command reads the shard of more than one table, or of one table more than once");
    }

    @Test
    void should_drop_the_value_when_a_table_of_the_join_is_not_held_to_it() {
        assertThat(whyNot("SELECT count(*) AS count FROM (public.events_102012 a JOIN public.events_102012 b ON ((a.id OPERATOR(pg_catalog.=) "
                + "b.id))) WHERE (a.owner_id OPERATOR(pg_catalog.=) 42)", "42", List.of())).as("b unfiltered").isNotNull();
        assertThat(whyNot("SELECT count(*) AS count FROM (public.events_102012 a JOIN public.events_102012 b ON ((a.id OPERATOR(pg_catalog.=) "
                + "b.id))) WHERE ((a.owner_id OPERATOR(pg_catalog.=) 42) AND (b.owner_id OPERATOR(pg_catalog.=) 7))", "42", List.of()))
                .as("b held to another tenant of the shard").isNotNull();
        assertThat(whyNot("SELECT (b.owner_id OPERATOR(pg_catalog.=) 42) AS mine FROM (public.events_102012 a JOIN public.events_102012 b "
                + "ON ((a.id OPERATOR(pg_catalog.=) b.id))) WHERE (a.owner_id OPERATOR(pg_catalog.=) 42)", "42", List.of()))
                .as("an equality in the select list filters nothing").isNotNull();
        assertThat(whyNot("SELECT count(*) AS count FROM (public.events_102012 a JOIN public.events_102012 b ON ((a.id OPERATOR(pg_catalog.=) "
                + "b.id))) WHERE ((a.owner_id OPERATOR(pg_catalog.=) 42) AND COALESCE((b.owner_id OPERATOR(pg_catalog.=) 42), true))",
                "42", List.of())).as("an equality inside a function's argument").isNotNull();
        assertThat(whyNot("SELECT count(*) AS count FROM (public.events_102012 a LEFT JOIN public.events_102012 b ON (((a.id OPERATOR(pg_catalog.=) "
                + "b.id) AND (a.owner_id OPERATOR(pg_catalog.=) 42)))) WHERE (b.owner_id OPERATOR(pg_catalog.=) 42)", "42", List.of()))
                .as("an outer join").isNotNull();
        assertThat(whyNot("SELECT count(*) AS count FROM (public.events_102012 a JOIN public.events_102012 b ON ((a.id OPERATOR(pg_catalog.=) "
                + "b.id))) WHERE ((a.owner_id OPERATOR(pg_catalog.=) 42) AND ((b.owner_id OPERATOR(pg_catalog.=) 42) OR (b.id OPERATOR(pg_catalog.>) 0)))",
                "42", List.of())).as("an equality under OR").isNotNull();
        assertThat(whyNot("SELECT count(*) AS count FROM (public.events_102012 a JOIN public.events_102012 b ON ((a.id OPERATOR(pg_catalog.=) "
                + "b.id))) WHERE ((a.owner_id OPERATOR(pg_catalog.=) 42) AND (NOT (b.owner_id OPERATOR(pg_catalog.=) 7)))",
                "42", List.of())).as("an equality under NOT").isNotNull();
        assertThat(whyNot("SELECT count(*) AS count FROM public.events_102012 a WHERE ((a.owner_id OPERATOR(pg_catalog.=) 42) AND (EXISTS "
                + "(SELECT 1 FROM public.events_102012 b WHERE (b.id OPERATOR(pg_catalog.=) a.id))))", "42", List.of()))
                .as("a subquery whose read is held to nothing").isNotNull();
    }

    @Test
    void should_drop_the_value_for_the_holes_a_review_found() {
        String join = "SELECT b.payload FROM (public.events_102012 a JOIN public.events_102012 b ON ((a.id OPERATOR(pg_catalog.=) b.id))) "
                + "WHERE ((a.owner_id OPERATOR(pg_catalog.=) 42) AND %s)";
        assertThat(whyNot(join.formatted("(b.owner_id OPERATOR(pg_catalog.=) 42)"), "42", List.of())).as("the twin that holds").isNull();
        assertThat(whyNot(join.formatted("(b.owner_id OPERATOR(pg_catalog.=) ('42'::bigint OPERATOR(pg_catalog.+) b.delta))"), "42",
                List.of())).as("more than a cast after ::").isNotNull();
        assertThat(whyNot(join.formatted("(b.owner_id OPERATOR(pg_catalog.=) '42'::text COLLATE ci)"), "42", List.of()))
                .as("a collation").isNotNull();
        assertThat(whyNot(join.formatted("((b.owner_id)::integer OPERATOR(pg_catalog.=) 42)"), "42", List.of()))
                .as("a cast of the column").isNotNull();
        assertThat(whyNot(join.formatted("(b.owner_id OPERATOR(pg_catalog.=) 42)").replace("events_102012 b ON", "events_102012 b(owner_id, id) ON"),
                "42", List.of())).as("a column alias list").isNotNull();
        assertThat(whyNot(join.formatted("(b.owner_id OPERATOR(pg_catalog.=) 7) AND (42 OPERATOR(pg_catalog.=) 7)"), "42", List.of()))
                .as("equalities that hold no row tie 42 to 7").isNotNull();
        assertThat(whyNot("SELECT * FROM worker_save_query_explain_analyze('SELECT b.payload FROM (public.events_102012 a JOIN "
                + "public.events_102012 b ON ((a.id OPERATOR(pg_catalog.=) b.id))) WHERE (a.owner_id OPERATOR(pg_catalog.=) 42)', "
                + "'{}') AS (field_0 text)", "42", List.of())).as("a query sent as text (EXPLAIN ANALYZE)").isNotNull();
        assertThat(whyNot("SELECT * FROM worker_save_query_explain_analyze('SELECT count(*) AS count FROM public.events_102012 events "
                + "WHERE (owner_id OPERATOR(pg_catalog.=) 42)', '{}') AS (field_0 bigint)", "42", List.of()))
                .as("one read, sent as text").isNull();
        assertThat(whyNot("SELECT count(*) AS count FROM (public.events_102012 a JOIN public.unknown_102099 b ON ((a.id OPERATOR(pg_catalog.=) "
                + "b.id))) WHERE ((a.owner_id OPERATOR(pg_catalog.=) 42) AND (b.owner_id OPERATOR(pg_catalog.=) 42))", "42", List.of()))
                .as("a shard of no known table").isNotNull();
    }
}

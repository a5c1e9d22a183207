package io.citustestkit.recording;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the distribution values of the rows of INSERT commands as Citus sends them to a shard (Citus 14.0.1 / PostgreSQL 18). */
class InsertedValuesTest {

    @Test
    void should_read_each_row_of_a_multi_row_insert_citus_sent_to_a_shard() {
        assertThat(InsertedValues.of("INSERT INTO public.events_102015 AS citus_table_alias (owner_id, id, event_type) VALUES "
                + "('42'::bigint,'8'::bigint,'login'::text), ('2'::bigint,'9'::bigint,'login'::text)", "owner_id"))
                .hasValue(java.util.List.of("42", "2"));
        assertThat(InsertedValues.of("INSERT INTO public.events_102015 (owner_id, id, event_type) VALUES ('42'::bigint, '4'::bigint, "
                + "'login'::text)", "owner_id")).hasValue(java.util.List.of("42"));
    }

    @Test
    void should_read_quoted_identifiers_strings_with_quotes_numbers_and_stop_at_returning() {
        assertThat(InsertedValues.of("INSERT INTO public.\"Tenants_102001\" AS citus_table_alias (\"Key\", n) VALUES "
                + "('it''s'::text, (7)::integer) RETURNING citus_table_alias.n", "Key")).hasValue(java.util.List.of("it's"));
        assertThat(InsertedValues.of("INSERT INTO public.t_102001 (k, n) VALUES (5, 1) ON CONFLICT (k) DO NOTHING", "k"))
                .hasValue(java.util.List.of("5"));
    }

    @Test
    void should_name_nothing_when_a_row_has_no_literal_in_the_column_or_it_is_not_an_insert_values() {
        assertThat(InsertedValues.of("INSERT INTO public.events_102015 (owner_id, event_type) VALUES ($1, 'x'::text)", "owner_id")).isEmpty();
        assertThat(InsertedValues.of("INSERT INTO public.events_102015 (owner_id, event_type) VALUES ('1'::bigint, 'x'::text), "
                + "(nextval('s'::regclass), 'y'::text)", "owner_id")).isEmpty();
        assertThat(InsertedValues.of("INSERT INTO public.events_102015 (owner_id, event_type) SELECT owner_id, event_type FROM "
                + "public.events_102015 events", "owner_id")).isEmpty();
        assertThat(InsertedValues.of("COPY public.events_102015 (owner_id, id, event_type) FROM STDIN WITH (format 'binary')",
                "owner_id")).isEmpty();
        assertThat(InsertedValues.of("INSERT INTO public.events_102015 (id, event_type) VALUES ('1'::bigint, 'x'::text)", "owner_id"))
                .as("no distribution column in the list").isEmpty();
    }
}

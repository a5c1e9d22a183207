package io.citustestkit.recording;

import io.citustestkit.metadata.TableKind;
import io.citustestkit.recording.CascadingForeignKeys.Key;
import io.citustestkit.recording.CascadingForeignKeys.Write;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which writes to a reference table foreign keys with an action carry into distributed tables. */
class CascadingForeignKeysTest {

    private static final Key SUBSCRIPTIONS = new Key("subscriptions_plan_fk", "subscriptions", TableKind.DISTRIBUTED, "plans", 'c', 'a');

    @Test
    void should_name_the_key_that_carries_a_delete_into_a_distributed_table() {
        CascadingForeignKeys keys = new CascadingForeignKeys(List.of(SUBSCRIPTIONS));

        assertThat(keys.whyUnseen("plans", EnumSet.of(Write.DELETE))).hasValueSatisfying(why -> assertThat(why)
                .startsWith("it wrote reference table plans (DELETE), and PostgreSQL carries that write through foreign keys with "
                        + "an action (subscriptions_plan_fk (subscriptions ON DELETE CASCADE)) into distributed table subscriptions "
                        + "on every node")
                .endsWith("Citus sends only the reference table's command, so no log names those rows or their tenants"));
        assertThat(keys.whyUnseen("plans", EnumSet.of(Write.UPDATE))).as("ON UPDATE NO ACTION").isEmpty();
        assertThat(keys.whyUnseen("regions", EnumSet.of(Write.DELETE))).as("another table").isEmpty();
    }

    @Test
    void should_follow_keys_through_reference_tables_and_count_set_null_and_set_default() {
        CascadingForeignKeys keys = new CascadingForeignKeys(List.of(
                new Key("plans_region_fk", "plans", TableKind.REFERENCE, "regions", 'c', 'a'),
                new Key("prices_plan_fk", "prices", TableKind.REFERENCE, "plans", 'n', 'a'),
                new Key("quotes_price_fk", "quotes", TableKind.SINGLE_SHARD, "prices", 'a', 'd'),
                SUBSCRIPTIONS));

        // a row a key sets to NULL or its default is taken as updated, so the keys on its table act in turn (an over-estimate)
        assertThat(keys.whyUnseen("regions", EnumSet.of(Write.DELETE))).hasValueSatisfying(why -> assertThat(why)
                .contains("(plans_region_fk (plans ON DELETE CASCADE), prices_plan_fk (prices ON DELETE SET NULL), "
                        + "subscriptions_plan_fk (subscriptions ON DELETE CASCADE), quotes_price_fk (quotes ON UPDATE SET DEFAULT))")
                .contains("into distributed tables subscriptions, quotes on every node"));
        assertThat(keys.whyUnseen("prices", EnumSet.of(Write.UPDATE))).as("ON UPDATE SET DEFAULT into a single-shard table")
                .hasValueSatisfying(why -> assertThat(why).contains("quotes_price_fk (quotes ON UPDATE SET DEFAULT)"));
        assertThat(keys.whyUnseen("regions", EnumSet.of(Write.UPDATE))).as("no key acts on an update of regions").isEmpty();
    }

    @Test
    void should_not_count_keys_of_plain_or_citus_local_tables_and_keep_a_key_read_before_it_was_dropped() {
        CascadingForeignKeys local = new CascadingForeignKeys(List.of(
                new Key("notes_plan_fk", "notes", TableKind.CITUS_LOCAL, "plans", 'c', 'c'),
                new Key("drafts_plan_fk", "drafts", TableKind.PLAIN, "plans", 'c', 'c')));
        assertThat(local.whyUnseen("plans", EnumSet.of(Write.DELETE, Write.UPDATE))).isEmpty();

        assertThat(new CascadingForeignKeys(List.of(SUBSCRIPTIONS)).with(CascadingForeignKeys.NONE).whyUnseen("plans", EnumSet.of(Write.DELETE)))
                .isPresent();
    }
}

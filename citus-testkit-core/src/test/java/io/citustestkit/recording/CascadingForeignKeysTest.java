package io.citustestkit.recording;

import io.citustestkit.metadata.TableKind;
import io.citustestkit.recording.CascadingForeignKeys.Key;
import io.citustestkit.recording.CascadingForeignKeys.Write;
import io.citustestkit.recording.ShardWrites.Written;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which writes to a reference table foreign keys with an action carry into distributed tables. */
class CascadingForeignKeysTest {

    private static final Key SUBSCRIPTIONS = new Key("subscriptions_plan_fk", "subscriptions", TableKind.DISTRIBUTED, "plans", 'c', 'a',
            List.of("plan_id"), List.of("id"));
    private static final Written DELETE = new Written(EnumSet.of(Write.DELETE), Set.of());

    private static Written update(String... columns) {
        return new Written(EnumSet.of(Write.UPDATE), columns.length == 0 ? null : Set.of(columns));
    }

    @Test
    void should_name_the_key_that_carries_a_delete_into_a_distributed_table() {
        CascadingForeignKeys keys = new CascadingForeignKeys(List.of(SUBSCRIPTIONS));

        assertThat(keys.whyUnseen("plans", DELETE)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("it wrote reference table plans (DELETE), and PostgreSQL carries that write through foreign keys with "
                        + "an action (subscriptions_plan_fk (subscriptions ON DELETE CASCADE)) into distributed table subscriptions "
                        + "on every node")
                .endsWith("Citus sends only the reference table's command, so no log names those rows or their tenants"));
        assertThat(keys.whyUnseen("plans", update())).as("ON UPDATE NO ACTION").isEmpty();
        assertThat(keys.whyUnseen("regions", DELETE)).as("another table").isEmpty();
    }

    @Test
    void should_fire_on_update_only_for_an_update_that_sets_a_referenced_column_or_sets_columns_not_known() {
        CascadingForeignKeys keys = new CascadingForeignKeys(List.of(new Key("subscriptions_plan_fk", "subscriptions",
                TableKind.DISTRIBUTED, "plans", 'a', 'c', List.of("plan_id"), List.of("id"))));

        assertThat(keys.whyUnseen("plans", update("name", "price"))).as("the key's column is not set").isEmpty();
        assertThat(keys.whyUnseen("plans", update("name", "id"))).hasValueSatisfying(why -> assertThat(why)
                .contains("subscriptions_plan_fk (subscriptions ON UPDATE CASCADE)"));
        assertThat(keys.whyUnseen("plans", update())).as("a MERGE: columns not known").isPresent();
    }

    @Test
    void should_follow_keys_through_reference_tables_by_the_columns_each_action_sets() {
        CascadingForeignKeys keys = new CascadingForeignKeys(List.of(
                new Key("plans_region_fk", "plans", TableKind.REFERENCE, "regions", 'c', 'a', List.of("region_id"), List.of("id")),
                new Key("prices_plan_fk", "prices", TableKind.REFERENCE, "plans", 'n', 'a', List.of("plan_id"), List.of("id")),
                new Key("quotes_price_fk", "quotes", TableKind.SINGLE_SHARD, "prices", 'a', 'd', List.of("price_id"), List.of("id")),
                new Key("offers_price_fk", "offers", TableKind.DISTRIBUTED, "prices", 'a', 'c', List.of("price_plan"), List.of("plan_id")),
                SUBSCRIPTIONS));

        // deleting a region deletes its plans (on to subscriptions) and sets prices.plan_id to NULL (on to offers, not quotes)
        assertThat(keys.whyUnseen("regions", DELETE)).hasValueSatisfying(why -> assertThat(why)
                .contains("(plans_region_fk (plans ON DELETE CASCADE), prices_plan_fk (prices ON DELETE SET NULL), "
                        + "subscriptions_plan_fk (subscriptions ON DELETE CASCADE), offers_price_fk (offers ON UPDATE CASCADE))")
                .contains("into distributed tables subscriptions, offers on every node")
                .doesNotContain("quotes"));
        assertThat(keys.whyUnseen("prices", update("id"))).as("ON UPDATE SET DEFAULT into a single-shard table")
                .hasValueSatisfying(why -> assertThat(why).contains("quotes_price_fk (quotes ON UPDATE SET DEFAULT)"));
        assertThat(keys.whyUnseen("regions", update())).as("no key acts on an update of regions").isEmpty();
    }

    @Test
    void should_not_count_keys_of_plain_or_citus_local_tables_and_keep_a_key_read_before_it_was_dropped() {
        CascadingForeignKeys local = new CascadingForeignKeys(List.of(
                new Key("notes_plan_fk", "notes", TableKind.CITUS_LOCAL, "plans", 'c', 'c', List.of("plan_id"), List.of("id")),
                new Key("drafts_plan_fk", "drafts", TableKind.PLAIN, "plans", 'c', 'c', List.of("plan_id"), List.of("id"))));
        assertThat(local.whyUnseen("plans", DELETE.and(update()))).isEmpty();

        assertThat(new CascadingForeignKeys(List.of(SUBSCRIPTIONS)).with(CascadingForeignKeys.NONE).whyUnseen("plans", DELETE)).isPresent();
    }
}

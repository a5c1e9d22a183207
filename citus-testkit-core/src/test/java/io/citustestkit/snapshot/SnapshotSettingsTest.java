package io.citustestkit.snapshot;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Durations of the snapshot settings: the forms people write, what wins, and what bad values get. */
class SnapshotSettingsTest {

    @Test
    void should_read_durations_with_a_unit_or_in_iso_8601() {
        assertThat(SnapshotSettings.parse("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(SnapshotSettings.parse(" 90m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(SnapshotSettings.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SnapshotSettings.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(SnapshotSettings.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SnapshotSettings.parse("PT24H")).isEqualTo(Duration.ofHours(24));
        assertThat(SnapshotSettings.parse("p1d")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void should_refuse_a_number_without_unit_and_what_is_not_positive_saying_which_forms_work() {
        assertThatThrownBy(() -> SnapshotSettings.parse("24")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'24' is not a duration: write it with a unit (24h, 90m, 30s, 2d, 500ms) or in ISO-8601 (PT24H).");
        assertThatThrownBy(() -> SnapshotSettings.parse("0s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'0s' is not a positive duration: give one such as 24h, 90m or PT24H.");
        assertThatThrownBy(() -> SnapshotSettings.parse("-PT1H")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a positive duration");
    }

    @Test
    void should_take_the_property_before_the_environment_variable_and_the_default_after_both() {
        Map<String, String> properties = Map.of("p", "2h");
        Map<String, String> environment = Map.of("V", "3h");

        assertThat(SnapshotSettings.duration("p", "V", Duration.ofHours(24), properties::get, environment::get))
                .isEqualTo(Duration.ofHours(2));
        assertThat(SnapshotSettings.duration("other", "V", Duration.ofHours(24), properties::get, environment::get))
                .isEqualTo(Duration.ofHours(3));
        assertThat(SnapshotSettings.duration("other", "OTHER", Duration.ofHours(24), properties::get, environment::get))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void should_fall_back_to_the_default_for_a_value_that_is_not_a_duration() {
        Map<String, String> properties = Map.of(SnapshotSettings.MAX_AGE_PROPERTY, "a day");

        assertThat(SnapshotSettings.duration(SnapshotSettings.MAX_AGE_PROPERTY, SnapshotSettings.MAX_AGE_VARIABLE,
                SnapshotSettings.DEFAULT_MAX_AGE, properties::get, name -> null)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void should_default_to_24_hours_of_age_and_5_minutes_of_lock_wait() {
        assertThat(SnapshotSettings.DEFAULT_MAX_AGE).isEqualTo(Duration.ofHours(24));
        assertThat(SnapshotSettings.DEFAULT_LOCK_TIMEOUT).isEqualTo(Duration.ofMinutes(5));
        assertThat(SnapshotSettings.describe(Duration.ofHours(24))).isEqualTo("24h");
        assertThat(SnapshotSettings.describe(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(SnapshotSettings.describe(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(SnapshotSettings.describe(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}

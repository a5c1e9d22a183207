package io.citustestkit.snapshot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How many snapshot sets are kept: the default, a configured number, and what bad values get. */
class SnapshotPruningTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(SnapshotPruning.KEEP_PROPERTY);
    }

    @Test
    void should_keep_the_default_unless_configured() {
        assertThat(SnapshotPruning.keep()).isEqualTo(SnapshotPruning.DEFAULT_KEEP);
        System.setProperty(SnapshotPruning.KEEP_PROPERTY, " 3 ");
        assertThat(SnapshotPruning.keep()).isEqualTo(3);
    }

    @Test
    void should_keep_at_least_one_set_and_fall_back_to_the_default_for_what_is_not_a_number() {
        System.setProperty(SnapshotPruning.KEEP_PROPERTY, "0");
        assertThat(SnapshotPruning.keep()).isEqualTo(1);
        System.setProperty(SnapshotPruning.KEEP_PROPERTY, "many");
        assertThat(SnapshotPruning.keep()).isEqualTo(SnapshotPruning.DEFAULT_KEEP);
    }
}

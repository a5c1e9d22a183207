package io.citustestkit.junit5;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedClusterTest {

    @Test
    void should_name_the_property_and_its_values_when_the_cleanup_strategy_is_unknown() {
        assertThatThrownBy(() -> ManagedCluster.cleanerFor(null, "fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("System property citus.testkit.cleanup-strategy is 'fast', but must be 'per-node' (the default) "
                        + "or 'truncate'.");
    }
}

package io.citustestkit.junit5;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What integrations outside JUnit (citus-testkit-spring) get for a class; needs no Docker. */
class CitusClusterHandleTest {

    @Test
    void should_have_no_handle_for_a_class_without_CitusCluster() {
        assertThat(CitusClusterHandle.forTestClass(CitusClusterHandleTest.class)).isEmpty();
    }

    @Test
    void should_say_how_to_run_a_class_whose_handle_was_asked_for_outside_its_JUnit_run() {
        assertThatThrownBy(() -> CitusClusterHandle.forTestClass(NotRunByJupiterCase.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(Messages.handleNotPrepared(NotRunByJupiterCase.class));
    }

    @TestCluster
    static class NotRunByJupiterCase {
    }
}

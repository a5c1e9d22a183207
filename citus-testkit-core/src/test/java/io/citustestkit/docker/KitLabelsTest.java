package io.citustestkit.docker;

import io.citustestkit.testsupport.RyukFilter;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KitLabelsTest {

    private final RyukFilter ryuk = RyukFilter.ofThisSession();

    @Test
    void should_give_a_kept_image_a_value_of_its_own_in_every_label_of_the_ryuk_filter() {
        Map<String, String> kept = KitLabels.forKeptImage(Map.of("io.citustestkit.snapshot", "true"));

        assertThat(ryuk.labels()).as("Testcontainers' filter names the session").containsKey("org.testcontainers.sessionId");
        assertThat(kept).containsEntry("io.citustestkit.snapshot", "true");
        ryuk.labels().keySet().forEach(name -> assertThat(kept).containsEntry(name, KitLabels.KEPT));
    }

    @Test
    void should_take_an_image_committed_from_a_session_container_out_of_ryuks_reach() {
        Map<String, String> container = new HashMap<>(ryuk.labels());
        container.putAll(KitLabels.forNode("c1", "coordinator", "coordinator"));
        assertThat(ryuk.matches(container)).as("the node container is Ryuk's").isTrue();

        Map<String, String> image = new HashMap<>(container); // a commit of the container: its labels, the given ones win
        image.putAll(KitLabels.forKeptImage(Map.of("io.citustestkit.snapshot", "true")));

        assertThat(ryuk.matches(image)).as("the committed image is not").isFalse();
    }
}

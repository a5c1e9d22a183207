package io.citustestkit.testsupport;

import org.testcontainers.utility.ResourceReaper;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The label filter this JVM's Testcontainers registers with Ryuk (read from Testcontainers itself, not
 * re-derived): Ryuk removes every container, network, volume and image whose labels match all of it
 * when the JVM ends.
 *
 * <pre>{@code
 * assertThat(RyukFilter.ofThisSession().matches(image.getConfig().getLabels())).isFalse();
 * }</pre>
 *
 * @param labels the labels of the filter and the value each must have
 */
public record RyukFilter(Map<String, String> labels) {

    /** The first filter Testcontainers sends Ryuk: its default labels and the session id. */
    @SuppressWarnings("unchecked")
    public static RyukFilter ofThisSession() {
        try {
            Field deathNote = ResourceReaper.class.getDeclaredField("DEATH_NOTE");
            deathNote.setAccessible(true);
            List<List<Map.Entry<String, String>>> filters = (List<List<Map.Entry<String, String>>>) deathNote.get(null);
            Map<String, String> labels = new LinkedHashMap<>();
            synchronized (filters) {
                for (Map.Entry<String, String> filter : filters.get(0)) {
                    if (!filter.getKey().equals("label")) {
                        throw new IllegalStateException("Testcontainers registers a filter that is not a label: " + filter);
                    }
                    int equals = filter.getValue().indexOf('=');
                    labels.put(filter.getValue().substring(0, equals), filter.getValue().substring(equals + 1));
                }
            }
            return new RyukFilter(Map.copyOf(labels));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This Testcontainers version keeps its Ryuk filter elsewhere: " + e, e);
        }
    }

    /** Whether Ryuk would remove something carrying {@code resourceLabels}. */
    public boolean matches(Map<String, String> resourceLabels) {
        return resourceLabels != null && labels.entrySet().stream()
                .allMatch(label -> label.getValue().equals(resourceLabels.get(label.getKey())));
    }
}

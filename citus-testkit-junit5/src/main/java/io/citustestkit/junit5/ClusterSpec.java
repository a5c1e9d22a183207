package io.citustestkit.junit5;

import io.citustestkit.CitusImage;
import io.citustestkit.CitusTestCluster;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.ArrayList;
import java.util.List;

/**
 * The resolved configuration of a {@link CitusCluster @CitusCluster}: the key under which its
 * cluster is shared. Equal specs share one cluster; the image is resolved (explicit, system property,
 * environment, default) so {@code image = ""} and the image it resolves to share too.
 *
 * <pre>{@code
 * ClusterSpec spec = ClusterSpec.of(EventTest.class.getAnnotation(CitusCluster.class), EventTest.class);
 * CitusTestCluster cluster = spec.start();
 * }</pre>
 *
 * @param image the resolved image
 * @param workers the number of workers
 * @param schema the schema locations, in order
 * @param shardCount {@code citus.shard_count}, 0 for Citus's default
 * @param dataOnTmpfs whether data directories live on a tmpfs
 */
record ClusterSpec(String image, int workers, List<String> schema, int shardCount, boolean dataOnTmpfs) {

    ClusterSpec {
        schema = List.copyOf(schema);
    }

    /**
     * Checks and resolves the attributes of {@code annotation}, found on {@code testClass}.
     *
     * @throws ExtensionConfigurationException naming the class and the attribute when one is invalid
     */
    static ClusterSpec of(CitusCluster annotation, Class<?> testClass) {
        if (annotation.workers() < 0) {
            throw invalid(testClass, "workers = " + annotation.workers(),
                    "workers must be 0 or more: 0 for a coordinator-only cluster, or 1 or more workers");
        }
        if (annotation.shardCount() < 0 || annotation.shardCount() > 64000) {
            throw invalid(testClass, "shardCount = " + annotation.shardCount(),
                    "shardCount must be between 1 and 64000, or 0 for Citus's default (32)");
        }
        List<String> schema = new ArrayList<>();
        for (String location : annotation.schema()) {
            if (location == null || location.isBlank()) {
                throw invalid(testClass, "schema = \"" + location + "\"",
                        "a schema location must not be blank: use \"classpath:schema.sql\" or a file path");
            }
            schema.add(location.strip());
        }
        String image = annotation.image().isBlank() ? null : annotation.image();
        return new ClusterSpec(CitusImage.resolve(image).name(), annotation.workers(), schema,
                annotation.shardCount(), annotation.dataOnTmpfs());
    }

    private static ExtensionConfigurationException invalid(Class<?> testClass, String attribute, String rule) {
        return new ExtensionConfigurationException("@CitusCluster(" + attribute + ") on " + testClass.getName()
                + " is invalid: " + rule + ".");
    }

    /** Starts a cluster with this configuration (containers, registration, schema). */
    CitusTestCluster start() {
        CitusTestCluster.Builder builder = CitusTestCluster.builder()
                .workers(workers)
                .dataOnTmpfs(dataOnTmpfs);
        if (!image.equals(CitusImage.resolve(null).name())) {
            builder.image(image); // otherwise the core resolves it again, and logs where it came from
        }
        if (shardCount > 0) {
            builder.shardCount(shardCount);
        }
        if (!schema.isEmpty()) {
            builder.schema(schema.toArray(String[]::new));
        }
        return builder.start();
    }

    @Override
    public String toString() {
        return "@CitusCluster(workers = " + workers + ", image = " + image + ", schema = " + schema
                + ", shardCount = " + (shardCount == 0 ? "Citus default" : String.valueOf(shardCount))
                + ", dataOnTmpfs = " + dataOnTmpfs + ")";
    }
}

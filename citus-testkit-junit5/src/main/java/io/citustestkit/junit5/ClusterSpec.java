package io.citustestkit.junit5;

import io.citustestkit.CitusImage;
import io.citustestkit.CitusTestCluster;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The resolved configuration of a {@link CitusCluster @CitusCluster}: the key under which its
 * cluster is shared. Equal specs share one cluster; the image is resolved (explicit, system property,
 * environment, default) so {@code image = ""} and the image it resolves to share too. The attributes
 * are checked by {@link CitusTestCluster.Builder} itself, so the annotation and the builder accept the
 * same values with the same messages.
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
 * @param password a fixed password, or empty for a random one per cluster (never shown)
 * @param schemaBasedSharding whether {@code citus.enable_schema_based_sharding} is on
 * @param snapshots whether the cluster may start from snapshots (false: never)
 */
record ClusterSpec(String image, int workers, List<String> schema, int shardCount, boolean dataOnTmpfs, String password,
                   boolean schemaBasedSharding, boolean snapshots) {

    ClusterSpec {
        schema = List.copyOf(schema);
    }

    ClusterSpec(String image, int workers, List<String> schema, int shardCount, boolean dataOnTmpfs) {
        this(image, workers, schema, shardCount, dataOnTmpfs, "", false, true);
    }

    /**
     * Checks and resolves the attributes of {@code annotation}, found on {@code testClass}.
     *
     * @throws ExtensionConfigurationException naming the class and the attribute when one is invalid
     */
    static ClusterSpec of(CitusCluster annotation, Class<?> testClass) {
        List<String> schema = new ArrayList<>(Arrays.asList(annotation.schema()));
        String image = annotation.image().isBlank() ? null : annotation.image();
        CitusTestCluster.Builder builder = CitusTestCluster.builder();
        check(testClass, "workers = " + annotation.workers(), () -> builder.workers(annotation.workers()));
        if (annotation.shardCount() != 0) {
            check(testClass, "shardCount = " + annotation.shardCount(), () -> builder.shardCount(annotation.shardCount()));
        }
        for (int i = 0; i < schema.size(); i++) {
            String location = schema.get(i);
            check(testClass, "schema = \"" + location + "\"", () -> builder.schema(location));
            schema.set(i, location.strip());
        }
        if (!annotation.password().isEmpty()) {
            check(testClass, "password = (hidden)", () -> builder.password(annotation.password()));
        }
        return new ClusterSpec(CitusImage.resolve(image).name(), annotation.workers(), schema, annotation.shardCount(),
                annotation.dataOnTmpfs(), annotation.password(), annotation.schemaBasedSharding(), annotation.snapshots());
    }

    private static void check(Class<?> testClass, String attribute, Runnable applyToBuilder) {
        try {
            applyToBuilder.run();
        } catch (IllegalArgumentException e) {
            String zero = attribute.startsWith("shardCount") ? " (0, the default, keeps Citus's own shard count, 32.)" : "";
            throw new ExtensionConfigurationException("@CitusCluster(" + attribute + ") on " + testClass.getName()
                    + " is invalid: " + e.getMessage() + zero, e);
        }
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
        if (!password.isEmpty()) {
            builder.password(password);
        }
        builder.schemaBasedSharding(schemaBasedSharding);
        if (!snapshots) {
            builder.snapshots(false);
        }
        return builder.start();
    }

    /** Every attribute but the password. */
    @Override
    public String toString() {
        return "@CitusCluster(workers = " + workers + ", image = " + image + ", schema = " + schema
                + ", shardCount = " + (shardCount == 0 ? "Citus default" : String.valueOf(shardCount))
                + ", dataOnTmpfs = " + dataOnTmpfs + (schemaBasedSharding ? ", schemaBasedSharding = true" : "")
                + (snapshots ? "" : ", snapshots = false")
                + (password.isEmpty() ? "" : ", password = (fixed)") + ")";
    }
}

package io.citustestkit.junit5;

import io.citustestkit.CitusImage;
import io.citustestkit.CitusTestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSpecTest {

    @Test
    void should_give_equal_specs_to_classes_with_the_same_configuration() {
        ClusterSpec first = spec(TwoWorkers.class);
        ClusterSpec second = spec(TwoWorkersAgain.class);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    }

    @Test
    void should_ignore_the_cleanup_mode_and_disabledWithoutDocker_which_are_per_class() {
        assertThat(spec(TwoWorkersKeepingData.class)).isEqualTo(spec(TwoWorkers.class));
    }

    @Test
    void should_resolve_an_empty_image_like_the_core_so_it_shares_with_the_explicit_image() {
        ClusterSpec resolved = spec(DefaultImage.class);

        assertThat(resolved.image()).isEqualTo(CitusImage.resolve(null).name());
        assertThat(new ClusterSpec(CitusImage.resolve(null).name(), 2, List.of(), 0, false))
                .as("a class naming the resolved image explicitly")
                .isEqualTo(resolved);
    }

    @Test
    void should_tell_configurations_apart_by_every_cluster_attribute() {
        ClusterSpec base = spec(TwoWorkers.class);

        assertThat(List.of(spec(OneWorker.class), spec(OtherShardCount.class), spec(OtherSchemaOrder.class),
                spec(OnTmpfs.class), spec(OtherImage.class)))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(base))
                .doesNotHaveDuplicates();
    }

    @Test
    void should_keep_the_schema_locations_in_order_and_trimmed() {
        assertThat(spec(TwoWorkers.class).schema()).containsExactly("classpath:a.sql", "classpath:b.sql");
    }

    @Test
    void should_describe_itself_with_every_attribute() {
        assertThat(spec(TwoWorkers.class)).hasToString("@CitusCluster(workers = 2, image = " + CitusImage.resolve(null).name()
                + ", schema = [classpath:a.sql, classpath:b.sql], shardCount = 4, dataOnTmpfs = false)");
        assertThat(spec(DefaultImage.class).toString()).contains("shardCount = Citus default");
    }

    @Test
    void should_reject_a_shard_count_out_of_range_naming_the_class() {
        assertThatThrownBy(() -> spec(NegativeShardCount.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@CitusCluster(shardCount = -4) on " + NegativeShardCount.class.getName() + " is invalid: "
                        + CitusClusterExtensionTest.builderMessage(() -> CitusTestCluster.builder().shardCount(-4))
                        + " (0, the default, keeps Citus's own shard count, 32.)");
    }

    @Test
    void should_reject_a_blank_schema_location_naming_the_class() {
        assertThatThrownBy(() -> spec(BlankSchema.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@CitusCluster(schema = \" \") on " + BlankSchema.class.getName() + " is invalid: "
                        + CitusClusterExtensionTest.builderMessage(() -> CitusTestCluster.builder().schema(" ")));
    }

    private static ClusterSpec spec(Class<?> type) {
        return ClusterSpec.of(type.getAnnotation(CitusCluster.class), type);
    }

    @CitusCluster(workers = 2, shardCount = 4, schema = {"classpath:a.sql", " classpath:b.sql "})
    static class TwoWorkers {
    }

    @CitusCluster(workers = 2, shardCount = 4, schema = {"classpath:a.sql", "classpath:b.sql"})
    static class TwoWorkersAgain {
    }

    @CitusCluster(workers = 2, shardCount = 4, schema = {"classpath:a.sql", "classpath:b.sql"}, cleanup = TableCleanup.NONE,
            disabledWithoutDocker = true)
    static class TwoWorkersKeepingData {
    }

    @CitusCluster(workers = 1, shardCount = 4, schema = {"classpath:a.sql", "classpath:b.sql"})
    static class OneWorker {
    }

    @CitusCluster(workers = 2, shardCount = 8, schema = {"classpath:a.sql", "classpath:b.sql"})
    static class OtherShardCount {
    }

    @CitusCluster(workers = 2, shardCount = 4, schema = {"classpath:b.sql", "classpath:a.sql"})
    static class OtherSchemaOrder {
    }

    @CitusCluster(workers = 2, shardCount = 4, schema = {"classpath:a.sql", "classpath:b.sql"}, dataOnTmpfs = true)
    static class OnTmpfs {
    }

    @CitusCluster(workers = 2, shardCount = 4, schema = {"classpath:a.sql", "classpath:b.sql"}, image = "registry.example/citus:0.1")
    static class OtherImage {
    }

    @CitusCluster
    static class DefaultImage {
    }

    @CitusCluster(shardCount = -4)
    static class NegativeShardCount {
    }

    @CitusCluster(schema = " ")
    static class BlankSchema {
    }
}

package io.citustestkit.junit5;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static org.assertj.core.api.Assertions.assertThat;

/** The public contract of {@link CitusCluster}: its defaults, and where the extension finds it. */
class CitusClusterAnnotationTest {

    @Test
    void should_default_to_two_workers_the_resolved_image_no_schema_and_truncation_between_tests() {
        CitusCluster defaults = Defaults.class.getAnnotation(CitusCluster.class);

        assertThat(defaults.workers()).isEqualTo(2);
        assertThat(defaults.image()).as("empty: resolved like CitusImage.resolve(null)").isEmpty();
        assertThat(defaults.schema()).isEmpty();
        assertThat(defaults.shardCount()).as("0: Citus's default").isZero();
        assertThat(defaults.dataOnTmpfs()).isFalse();
        assertThat(defaults.disabledWithoutDocker()).as("a missing Docker fails loudly").isFalse();
        assertThat(defaults.cleanup()).isEqualTo(TableCleanup.RESTORE);
    }

    @Test
    void should_be_a_documented_inherited_runtime_annotation_for_types_and_annotations_that_registers_the_extension() {
        assertThat(CitusCluster.class.getAnnotation(Target.class).value())
                .containsExactlyInAnyOrder(ElementType.TYPE, ElementType.ANNOTATION_TYPE);
        assertThat(CitusCluster.class.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
        assertThat(CitusCluster.class.isAnnotationPresent(Documented.class)).isTrue();
        assertThat(CitusCluster.class.isAnnotationPresent(Inherited.class)).isTrue();
        assertThat(CitusCluster.class.getAnnotation(ExtendWith.class).value()).containsExactly(CitusClusterExtension.class);
    }

    @Test
    void should_be_found_through_a_meta_annotation() {
        assertThat(CitusClusterExtension.findAnnotation(WithOurCitus.class))
                .hasValueSatisfying(found -> assertThat(found.workers()).isEqualTo(1));
    }

    @Test
    void should_be_inherited_by_subclasses() {
        assertThat(CitusClusterExtension.findAnnotation(Subclass.class))
                .hasValueSatisfying(found -> assertThat(found.workers()).isEqualTo(1));
    }

    @Test
    void should_apply_to_nested_classes_unless_they_declare_their_own() {
        assertThat(CitusClusterExtension.findAnnotation(WithOurCitus.Inner.class))
                .hasValueSatisfying(found -> assertThat(found.workers()).isEqualTo(1));
        assertThat(CitusClusterExtension.findAnnotation(WithOurCitus.InnerWithItsOwn.class))
                .hasValueSatisfying(found -> assertThat(found.workers()).isEqualTo(3));
    }

    @Test
    void should_not_apply_to_static_nested_classes_which_are_test_classes_of_their_own() {
        assertThat(CitusClusterExtension.findAnnotation(WithOurCitus.StaticNested.class)).isEmpty();
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @CitusCluster(workers = 1, shardCount = 4)
    @interface OurCitus {
    }

    @CitusCluster
    static class Defaults {
    }

    @OurCitus
    static class WithOurCitus {

        @Nested
        class Inner {
        }

        @Nested
        @CitusCluster(workers = 3)
        class InnerWithItsOwn {
        }

        static class StaticNested {
        }
    }

    static class Subclass extends WithOurCitus {
    }
}

package io.citustestkit.junit5;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * The {@link CitusResource @CitusResource} fields of a test class, and how they are set.
 *
 * <pre>{@code
 * ResourceFields.inject(ResourceFields.ofStatics(testClass), null, cluster);
 * }</pre>
 */
final class ResourceFields {

    private ResourceFields() {
    }

    /** The static {@code @CitusResource} fields of {@code testClass} and its superclasses, superclasses first. */
    static List<Field> ofStatics(Class<?> testClass) {
        return AnnotationSupport.findAnnotatedFields(testClass, CitusResource.class,
                field -> Modifier.isStatic(field.getModifiers()), HierarchyTraversalMode.TOP_DOWN);
    }

    /** The instance {@code @CitusResource} fields of {@code testClass} and its superclasses, superclasses first. */
    static List<Field> ofInstances(Class<?> testClass) {
        return AnnotationSupport.findAnnotatedFields(testClass, CitusResource.class,
                field -> !Modifier.isStatic(field.getModifiers()), HierarchyTraversalMode.TOP_DOWN);
    }

    /**
     * Checks that every field can be injected, before any cluster is started for it.
     *
     * @throws ExtensionConfigurationException for a final field or a field of an unsupported type
     */
    static void validate(List<Field> fields) {
        for (Field field : fields) {
            String description = Messages.field(field);
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException(Messages.finalField(description));
            }
            InjectedValues.requireSupported(field.getType(), description, ExtensionConfigurationException::new);
        }
    }

    /**
     * Sets every field to the value of its type from {@code cluster}.
     *
     * @param target the instance, or null for static fields
     * @throws ExtensionConfigurationException for a field {@link #validate} rejects, or a
     *                                         {@code CitusTestCluster} field against an existing cluster
     */
    static void inject(List<Field> fields, Object target, SharedCluster cluster) {
        validate(fields);
        for (Field field : fields) {
            String description = Messages.field(field);
            Object value = InjectedValues.of(field.getType(), cluster, description, ExtensionConfigurationException::new);
            try {
                field.setAccessible(true);
                field.set(target, value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExtensionConfigurationException("Cannot set " + description + ": " + e.getMessage(), e);
            }
        }
    }
}

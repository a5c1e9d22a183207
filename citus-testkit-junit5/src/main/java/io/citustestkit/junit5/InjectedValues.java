package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;

import javax.sql.DataSource;
import java.util.function.Function;

/**
 * What a field or parameter of a supported type receives, and the errors for the others.
 *
 * <pre>{@code
 * Object value = InjectedValues.of(DataSource.class, cluster, "parameter 'dataSource' of ...", ParameterResolutionException::new);
 * }</pre>
 */
final class InjectedValues {

    private InjectedValues() {
    }

    /** Whether the extension can inject a value of {@code type}. */
    static boolean isSupported(Class<?> type) {
        return type == DataSource.class || type == CitusTestCluster.class;
    }

    /**
     * The value for {@code type}.
     *
     * @param target describes the field or parameter, for the error messages
     * @param error makes the exception to throw from a message
     */
    static <E extends RuntimeException> Object of(Class<?> type, SharedCluster cluster, String target,
                                                  Function<String, E> error) {
        if (type == DataSource.class) {
            return cluster.dataSource();
        }
        if (type == CitusTestCluster.class) {
            return cluster.testCluster();
        }
        throw error.apply(Messages.unsupportedType(target, type));
    }

    /** Fails with the unsupported-type message unless {@code type} is supported. */
    static <E extends RuntimeException> void requireSupported(Class<?> type, String target, Function<String, E> error) {
        if (!isSupported(type)) {
            throw error.apply(Messages.unsupportedType(target, type));
        }
    }
}

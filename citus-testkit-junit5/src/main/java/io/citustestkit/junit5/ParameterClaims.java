package io.citustestkit.junit5;

import io.citustestkit.recording.RecordedStatements;
import org.junit.jupiter.api.extension.ParameterContext;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;

/**
 * Which parameters the extension resolves, so that it never competes with another resolver (JUnit's
 * "competing ParameterResolvers" error) for the same parameter.
 *
 * <p>A parameter marked {@link CitusResource @CitusResource} is always the kit's. An unmarked parameter of
 * a supported type ({@link javax.sql.DataSource}, {@link io.citustestkit.CitusTestCluster},
 * {@link RecordedStatements}) is the kit's only while it carries no annotation and its constructor
 * carries none either: an annotation such as Spring's {@code @Autowired}, {@code @Qualifier} or
 * {@code @Value}, or an {@code @Autowired} constructor, asks the resolver that annotation belongs to.
 * So in a {@code @SpringBootTest}, {@code @Autowired DataSource dataSource} is the application's
 * {@code DataSource} (resolved by Spring) and {@code DataSource dataSource} the kit's pool; both point at
 * the same coordinator.
 *
 * <pre>{@code
 * boolean mine = ParameterClaims.isClaimed(parameterContext);
 * }</pre>
 */
final class ParameterClaims {

    private ParameterClaims() {
    }

    /** Whether the extension resolves this parameter. */
    static boolean isClaimed(ParameterContext parameterContext) {
        Parameter parameter = parameterContext.getParameter();
        if (parameterContext.isAnnotated(CitusResource.class)) {
            return true;
        }
        Class<?> type = parameter.getType();
        boolean supported = InjectedValues.isSupported(type) || type == RecordedStatements.class;
        return supported && isUnannotated(parameter);
    }

    private static boolean isUnannotated(Parameter parameter) {
        if (parameter.getDeclaringExecutable() instanceof Constructor<?> constructor && hasAnnotations(constructor.getDeclaredAnnotations())) {
            return false;
        }
        return !hasAnnotations(parameter.getDeclaredAnnotations());
    }

    private static boolean hasAnnotations(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (!annotation.annotationType().getName().startsWith("java.lang.")) { // @Deprecated, @SafeVarargs: no resolver's
                return true;
            }
        }
        return false;
    }
}

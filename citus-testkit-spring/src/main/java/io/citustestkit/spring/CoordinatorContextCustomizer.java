package io.citustestkit.spring;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.CitusClusterHandle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registers the coordinator's {@link CoordinatorConnectionDetails} in a test's application context and
 * closes the context when the cluster is released. Equal, for Spring's context cache, when it stands
 * for the same cluster of the same run ({@link CitusClusterHandle#equals}).
 *
 * <pre>{@code
 * new CoordinatorContextCustomizer(handle).customizeContext(context, mergedConfig);
 * }</pre>
 */
final class CoordinatorContextCustomizer implements ContextCustomizer {

    static final String BEAN_NAME = "citusTestkitJdbcConnectionDetails";

    private final CitusClusterHandle handle;

    CoordinatorContextCustomizer(CitusClusterHandle handle) {
        this.handle = handle;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        CitusTestCluster cluster = handle.cluster();
        context.getBeanFactory().registerSingleton(BEAN_NAME, new CoordinatorConnectionDetails(cluster));
        handle.onRelease(context::close);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CoordinatorContextCustomizer customizer && handle.equals(customizer.handle);
    }

    @Override
    public int hashCode() {
        return handle.hashCode();
    }

    @Override
    public String toString() {
        return "the Citus cluster of " + handle;
    }
}

package io.citustestkit.spring;

import io.citustestkit.CitusTestCluster;
import io.citustestkit.junit5.CitusClusterHandle;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.container.ContainerImageMetadata;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registers the coordinator's {@link CoordinatorConnectionDetails} in a test's application context and
 * closes the context when the cluster is released. Equal, for Spring's context cache, when it stands
 * for the same cluster of the same run ({@link CitusClusterHandle#equals}).
 *
 * <p>The connection details are a bean definition that carries Spring Boot's
 * {@link ContainerImageMetadata}, as those of {@code @ServiceConnection} do: the test slices'
 * {@code @AutoConfigureTestDatabase} ({@code @DataJpaTest}, {@code @JdbcTest}, {@code @DataJdbcTest}),
 * whose default {@code replace = NON_TEST} keeps an auto-configured {@code DataSource} that connects to a
 * test database, then keeps the one on the coordinator instead of replacing it with an embedded one.
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
        CoordinatorConnectionDetails details = new CoordinatorConnectionDetails(cluster);
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        if (beanFactory instanceof BeanDefinitionRegistry registry) {
            RootBeanDefinition definition = new RootBeanDefinition(CoordinatorConnectionDetails.class, () -> details);
            new ContainerImageMetadata(imageName(cluster)).addTo(definition);
            registry.registerBeanDefinition(BEAN_NAME, definition);
        } else {
            beanFactory.registerSingleton(BEAN_NAME, details); // no definition to mark: the slices replace it
        }
        handle.onRelease(context::close);
    }

    /** The image the cluster runs, or what it is when the kit started none (an existing cluster). */
    static String imageName(CitusTestCluster cluster) {
        return cluster.isManaged() ? cluster.image() : "an existing Citus cluster (not started by citus-testkit)";
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

package io.citustestkit.junit5;

import io.citustestkit.DockerEnvironment;

/**
 * Whether a Docker engine answers. The extension asks {@link #DOCKER} unless the run's root store
 * holds another check under the key {@code DockerCheck.class} (how the extension's own tests simulate
 * a machine without Docker).
 *
 * <pre>{@code
 * context.getRoot().getStore(CitusClusterExtension.NAMESPACE).put(DockerCheck.class, (DockerCheck) () -> false);
 * }</pre>
 */
@FunctionalInterface
interface DockerCheck {

    /** Asks Testcontainers, which caches the answer for the JVM. */
    DockerCheck DOCKER = DockerEnvironment::isAvailable;

    boolean isAvailable();
}

/**
 * Internal: the kit's Docker housekeeping, used by the cluster's life cycle and never by tests directly:
 * the labels on everything the kit creates ({@link io.citustestkit.docker.KitLabels}), which JVM owns it
 * ({@link io.citustestkit.docker.JvmOwner}, read from the process table), the removal of what killed JVMs
 * left behind ({@link io.citustestkit.docker.LeftoverClusters}), the presence of an image, pulled once if
 * absent ({@link io.citustestkit.docker.ImagePresence}), and the JVM shutdown hooks that close clusters
 * nobody closed ({@link io.citustestkit.docker.ShutdownHooks}). Depends on nothing else of the kit but
 * {@code io.citustestkit.commons}.
 *
 * <pre>{@code
 * LeftoverClusters.removeThoseOfEndedJvms();
 * ImagePresence.ensurePresent("citusdata/citus:14.1.0", Duration.ofMinutes(5));
 * }</pre>
 */
package io.citustestkit.docker;

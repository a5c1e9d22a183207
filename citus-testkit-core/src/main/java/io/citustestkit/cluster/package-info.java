/**
 * The building blocks of {@link io.citustestkit.CitusTestCluster}: node containers, their settings
 * and labels, readiness, registration, the image checks and caches, and the shutdown backstop.
 *
 * <p>These types are public so that the JUnit 5 module and tests can reuse them; they are not a
 * stable API. Use {@link io.citustestkit.CitusTestCluster} and {@link io.citustestkit.CitusNode}.
 *
 * <pre>{@code
 * // what everything in this package is for:
 * try (CitusTestCluster cluster = CitusTestCluster.builder().workers(2).start()) { ... }
 * }</pre>
 */
package io.citustestkit.cluster;

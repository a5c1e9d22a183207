/**
 * The cluster: {@link io.citustestkit.CitusTestCluster} starts a real Citus cluster (one coordinator and
 * N workers on one Docker network) or connects to an existing one, and owns its life cycle from the
 * checks before the first container to the removal of the last one. The public API is
 * {@code CitusTestCluster} (with its {@code Builder}), {@code CitusNode}, {@code CitusImage},
 * {@code ClusterStartException}, {@code ContainerLabels} and {@code DockerEnvironment}; the rest of this
 * package is package-private, and the machinery lives in the internal packages
 * {@code io.citustestkit.node}, {@code io.citustestkit.snapshot} and {@code io.citustestkit.docker}.
 *
 * <pre>{@code
 * try (CitusTestCluster cluster = CitusTestCluster.builder().workers(2).schema("classpath:schema.sql").start()) {
 *     DataSource dataSource = cluster.dataSource();
 * }
 * }</pre>
 */
package io.citustestkit;

/**
 * The assertions: {@link io.citustestkit.assertions.CitusAssertions} entry points for a query
 * (how Citus plans and routes it), a table, a schema and recorded statements, each failing with the SQL,
 * what was expected, what the cluster did and the evidence. They work on any {@code DataSource} and know
 * nothing of containers.
 *
 * <pre>{@code
 * assertThatQuery(dataSource, "SELECT * FROM events WHERE tenant_id = ?", 42).isRoutedToSingleWorker();
 * }</pre>
 */
package io.citustestkit.assertions;

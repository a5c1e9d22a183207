/**
 * Statement recording: what the application really sent to the coordinator (through any pool or
 * client), with its parameters and the evidence of what Citus did with it (the commands it sent to
 * each node, hence the shards and nodes each statement touched; the distribution value Citus named
 * for each task; the calls it delegated to a worker; the statements it refused), read from the
 * coordinator's own log ({@code log_destination = 'jsonlog'}, {@code log_statement = 'all'},
 * {@code citus.log_remote_commands}, {@code citus.stat_tenants_track = all}, {@code log_min_messages = debug2}),
 * and for delegated calls from the workers' logs. Works on any DataSource to a
 * coordinator that logs so; knows nothing of containers.
 *
 * <pre>{@code
 * try (StatementRecorder recorder = cluster.recordStatements()) {
 *     repository.findEvents(tenantId);
 *     assertThatStatements(recorder.statements()).allRoutedToSingleWorker().allTouchOnlyTenant(tenantId);
 * }
 * }</pre>
 */
package io.citustestkit.recording;

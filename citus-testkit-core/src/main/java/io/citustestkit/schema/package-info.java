/**
 * Schema sources applied to a cluster: plain SQL scripts ({@link io.citustestkit.schema.SchemaRunner},
 * {@link io.citustestkit.schema.SchemaLocation}), Flyway and Liquibase migrations, with failures that name
 * the statement and the server's error ({@link io.citustestkit.schema.SchemaStatementException},
 * {@link io.citustestkit.schema.SchemaMigrationException}). Works on any {@code DataSource}.
 *
 * <pre>{@code
 * SchemaRunner.apply(connection, List.of(SchemaLocation.of("classpath:schema.sql")));
 * }</pre>
 */
package io.citustestkit.schema;

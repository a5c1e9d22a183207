/**
 * The metadata reader: {@link io.citustestkit.metadata.CitusMetadataReader} reads what Citus records about
 * tables, schemas, shards, placements, nodes and colocation from any {@code DataSource}; it knows nothing
 * of plans, assertions or containers.
 *
 * <pre>{@code
 * TableMetadata events = CitusMetadataReader.readTable(connection, "events");
 * }</pre>
 */
package io.citustestkit.metadata;

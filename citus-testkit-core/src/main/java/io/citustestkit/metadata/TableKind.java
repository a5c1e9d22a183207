package io.citustestkit.metadata;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * What Citus makes of a table, from {@code pg_dist_partition}.
 *
 * <pre>{@code
 * TableMetadata events = CitusMetadataReader.readTable(connection, "events");
 * events.kind();  // TableKind.DISTRIBUTED
 * CitusMetadataReader.readTable(connection, "tenant_42.orders").kind();  // TableKind.SINGLE_SHARD
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public enum TableKind {

    /**
     * A distributed table with a distribution column: hash-distributed ({@code partmethod} 'h'), or
     * append- or range-distributed ('a', 'r').
     */
    DISTRIBUTED("distributed table"),

    /**
     * A single-shard distributed table (Citus 12+): no distribution column, one shard placed on one
     * node, in a colocation group ({@code partmethod} 'n', replication model 's', a colocation id other
     * than 0). Every table of a distributed schema is one (schema-based sharding, colocated with the
     * other tables of its schema); {@code create_distributed_table('t', null)} makes one outside such a
     * schema.
     */
    SINGLE_SHARD("single-shard distributed table"),

    /** A reference table: one shard with a copy on every node ({@code partmethod} 'n', replication model 't'). */
    REFERENCE("reference table"),

    /** A Citus local table: one shard on the coordinator ({@code partmethod} 'n', colocation group 0). */
    CITUS_LOCAL("Citus local table"),

    /** A relation that exists but is not in {@code pg_dist_partition}: Citus does not manage it. */
    PLAIN("plain PostgreSQL table"),

    /** No relation of that name: {@code to_regclass} found nothing under the current {@code search_path}. */
    MISSING("table");

    private final String description;

    TableKind(String description) {
        this.description = description;
    }

    /** {@return how messages name a table of this kind, e.g. {@code "reference table"}} */
    public String description() {
        return description;
    }

    /**
     * The kind of a table in {@code pg_dist_partition}.
     *
     * @param partitionMethod {@code partmethod}: 'h' hash, 'n' none, 'a'/'r' append/range
     * @param replicationModel {@code repmodel}: 't' for reference tables, 's' otherwise
     * @param colocationId {@code colocationid}: 0 for Citus local tables
     * @return the table's kind
     */
    public static TableKind fromCatalog(String partitionMethod, String replicationModel, int colocationId) {
        if (!"n".equals(partitionMethod)) {
            return DISTRIBUTED;
        }
        if ("t".equals(replicationModel)) {
            return REFERENCE;
        }
        return colocationId == 0 ? CITUS_LOCAL : SINGLE_SHARD;
    }

    /** {@return whether tables of this kind are distributed: {@link #DISTRIBUTED} or {@link #SINGLE_SHARD}} */
    public boolean isDistributed() {
        return this == DISTRIBUTED || this == SINGLE_SHARD;
    }
}

package io.citustestkit.recording;

import io.citustestkit.commons.KitSql;
import io.citustestkit.metadata.TableKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The foreign keys with an action ({@code ON DELETE CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, and the
 * same {@code ON UPDATE}), from the coordinator's catalog: what PostgreSQL itself writes on each node when a
 * referenced row is deleted or updated. Citus sends only the referenced table's command; a distributed table
 * that references a reference table with such a key has its rows changed on every node, for whichever tenants
 * reference the row, and no log names them.
 *
 * <pre>{@code
 * CascadingForeignKeys keys = CascadingForeignKeys.read(connection);
 * keys.whyUnseen("public.plans", ShardWrites.of("DELETE FROM public.plans_102040 plans WHERE ...", plansShard));
 * // Optional["it wrote reference table public.plans (DELETE), and PostgreSQL carries that write ..."]
 * }</pre>
 */
final class CascadingForeignKeys {

    /** No foreign key with an action: nothing cascades. */
    static final CascadingForeignKeys NONE = new CascadingForeignKeys(List.of());

    // shards are left out (a node that holds shards has their keys too, shard to shard), and so are the keys a partition
    // inherits from its partitioned table's
    private static final String SQL = KitSql.marked("""
            SELECT c.conname, c.conrelid::regclass::text AS referencing, c.confrelid::regclass::text AS referenced,
                   c.confdeltype, c.confupdtype, p.partmethod, p.repmodel, coalesce(p.colocationid, 0) AS colocationid,
                   p.logicalrelid IS NOT NULL AS citus_table,
                   ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
                   ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS referenced_columns
            FROM pg_catalog.pg_constraint c
            LEFT JOIN pg_catalog.pg_dist_partition p ON p.logicalrelid = c.conrelid
            WHERE c.contype = 'f' AND (c.confdeltype IN ('c', 'n', 'd') OR c.confupdtype IN ('c', 'n', 'd'))
              AND c.conparentid = 0 AND NOT pg_catalog.relation_is_a_known_shard(c.conrelid)
            ORDER BY c.conname, c.conrelid""");

    /** A write to a referenced table that fires the keys' actions. */
    enum Write {
        /** A {@code DELETE} (or a {@code MERGE}'s delete): fires {@code ON DELETE}. */
        DELETE,
        /** An {@code UPDATE} (an upsert's, a {@code MERGE}'s): fires {@code ON UPDATE}. */
        UPDATE
    }

    /**
     * One foreign key with an action.
     *
     * @param name the constraint's name
     * @param referencing the table that holds the key, as {@code regclass} prints it
     * @param referencingKind what Citus makes of that table
     * @param referenced the table it references
     * @param onDelete the {@code ON DELETE} action as {@code pg_constraint.confdeltype} has it ({@code c}, {@code n}, {@code d}, ...)
     * @param onUpdate the {@code ON UPDATE} action ({@code confupdtype})
     * @param columns the referencing table's columns of the key
     * @param referencedColumns the referenced table's columns of the key: an update fires {@code ON UPDATE} only if it sets one
     */
    record Key(String name, String referencing, TableKind referencingKind, String referenced, char onDelete, char onUpdate,
               List<String> columns, List<String> referencedColumns) {

        /**
         * {@return the action the write fires, e.g. "ON DELETE CASCADE", or empty if it fires none}
         *
         * @param write what was done to the referenced table's rows
         * @param updated the columns an update set, or {@code null} if not known (every column counts)
         */
        Optional<String> firedBy(Write write, Set<String> updated) {
            if (write == Write.UPDATE && updated != null && referencedColumns.stream().noneMatch(updated::contains)) {
                return Optional.empty();
            }
            char action = write == Write.DELETE ? onDelete : onUpdate;
            String name = switch (action) {
                case 'c' -> "CASCADE";
                case 'n' -> "SET NULL";
                case 'd' -> "SET DEFAULT";
                default -> null;
            };
            return Optional.ofNullable(name).map(a -> "ON " + write + " " + a);
        }

        /**
         * {@return what the action does to the referencing table's rows: deletes them for a cascading delete, else updates
         * the key's columns (set to NULL, their default, or the new key), which the keys that reference those columns act on
         * in turn}
         */
        ShardWrites.Written makes(Write write) {
            return write == Write.DELETE && onDelete == 'c'
                    ? new ShardWrites.Written(EnumSet.of(Write.DELETE), Set.of())
                    : new ShardWrites.Written(EnumSet.of(Write.UPDATE), Set.copyOf(columns));
        }

        boolean isOfDistributedTable() {
            return referencingKind.isDistributed();
        }
    }

    private final List<Key> keys;

    CascadingForeignKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Reads the keys with an action from the coordinator's catalog. */
    static CascadingForeignKeys read(Connection connection) throws SQLException {
        List<Key> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(SQL)) {
            while (rs.next()) {
                TableKind kind = rs.getBoolean("citus_table")
                        ? TableKind.fromCatalog(rs.getString("partmethod"), rs.getString("repmodel"), rs.getInt("colocationid"))
                        : TableKind.PLAIN;
                keys.add(new Key(rs.getString("conname"), rs.getString("referencing"), kind, rs.getString("referenced"),
                        rs.getString("confdeltype").charAt(0), rs.getString("confupdtype").charAt(0),
                        List.of((String[]) rs.getArray("columns").getArray()), List.of((String[]) rs.getArray("referenced_columns").getArray())));
            }
        }
        return new CascadingForeignKeys(keys);
    }

    /** {@return these keys and those of {@code later} (a key dropped since it was read still counts)} */
    CascadingForeignKeys with(CascadingForeignKeys later) {
        Set<Key> all = new LinkedHashSet<>(keys);
        all.addAll(later.keys);
        return new CascadingForeignKeys(new ArrayList<>(all));
    }

    /**
     * Why what a write to {@code table} changed is not known: the keys that carry it, directly or through other
     * tables' keys, into distributed tables.
     *
     * @param table the written table, as {@code regclass} prints it (a reference table)
     * @param written what the command did to it
     * @return the reason, or empty if no key carries the write into a distributed table
     */
    Optional<String> whyUnseen(String table, ShardWrites.Written written) {
        Set<String> reached = new LinkedHashSet<>(); // the distributed tables reached
        Set<String> path = new LinkedHashSet<>();
        Deque<Pending> pending = new ArrayDeque<>();
        Set<Pending> visited = new LinkedHashSet<>();
        written.writes().forEach(write -> pending.add(new Pending(table, write, written.updated())));
        while (!pending.isEmpty()) {
            Pending next = pending.poll();
            if (!visited.add(next)) {
                continue;
            }
            for (Key key : keys) {
                if (!key.referenced().equals(next.table())) {
                    continue;
                }
                Optional<String> action = key.firedBy(next.write(), next.updated());
                if (action.isEmpty()) {
                    continue;
                }
                path.add(key.name() + " (" + key.referencing() + " " + action.get() + ")");
                if (key.isOfDistributedTable()) {
                    reached.add(key.referencing());
                } else {
                    ShardWrites.Written made = key.makes(next.write());
                    made.writes().forEach(write -> pending.add(new Pending(key.referencing(), write, made.updated())));
                }
            }
        }
        if (reached.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("it wrote reference table " + table + " (" + String.join(", ", written.writes().stream().map(Enum::name).toList())
                + "), and PostgreSQL carries that write through foreign keys with an action (" + String.join(", ", path)
                + ") into distributed table" + (reached.size() == 1 ? " " : "s ") + String.join(", ", reached)
                + " on every node, changing the rows of whichever tenants reference what it wrote: Citus sends only the "
                + "reference table's command, so no log names those rows or their tenants");
    }

    /** A write still to follow: to {@code table}, setting {@code updated} ({@code null}: any column). */
    private record Pending(String table, Write write, Set<String> updated) {
    }
}

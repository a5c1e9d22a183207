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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * keys.whyUnseen("public.plans", EnumSet.of(Write.DELETE));
 * // Optional["it wrote reference table public.plans (DELETE), and PostgreSQL carries that write ..."]
 * }</pre>
 */
final class CascadingForeignKeys {

    /** No foreign key with an action: nothing cascades. */
    static final CascadingForeignKeys NONE = new CascadingForeignKeys(List.of());

    // shards are left out: a node that holds shards has their keys too (shard to shard), next to the tables'
    private static final String SQL = KitSql.marked("""
            SELECT c.conname, c.conrelid::regclass::text AS referencing, c.confrelid::regclass::text AS referenced,
                   c.confdeltype, c.confupdtype, p.partmethod, p.repmodel, coalesce(p.colocationid, 0) AS colocationid,
                   p.logicalrelid IS NOT NULL AS citus_table
            FROM pg_catalog.pg_constraint c
            LEFT JOIN pg_catalog.pg_dist_partition p ON p.logicalrelid = c.conrelid
            WHERE c.contype = 'f' AND (c.confdeltype IN ('c', 'n', 'd') OR c.confupdtype IN ('c', 'n', 'd'))
              AND NOT pg_catalog.relation_is_a_known_shard(c.conrelid)
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
     */
    record Key(String name, String referencing, TableKind referencingKind, String referenced, char onDelete, char onUpdate) {

        /** {@return the action the write fires, e.g. "ON DELETE CASCADE", or empty if it fires none} */
        Optional<String> firedBy(Write write) {
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
         * {@return the writes the action makes on the referencing table's rows: deleted for a cascading delete, else updated
         * (a row set to NULL or its default is taken as updated, so the keys that reference its table act in turn: it errs
         * toward carrying a write further, never less far)}
         */
        Set<Write> makes(Write write) {
            return write == Write.DELETE && onDelete == 'c' ? EnumSet.of(Write.DELETE) : EnumSet.of(Write.UPDATE);
        }

        boolean isOfDistributedTable() {
            return referencingKind == TableKind.DISTRIBUTED || referencingKind == TableKind.SINGLE_SHARD;
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
                        rs.getString("confdeltype").charAt(0), rs.getString("confupdtype").charAt(0)));
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
     * @param writes what the command did to it
     * @return the reason, or empty if no key carries the write into a distributed table
     */
    Optional<String> whyUnseen(String table, Set<Write> writes) {
        Map<String, Key> reached = new LinkedHashMap<>(); // the distributed tables reached, and the key that reached each
        List<String> path = new ArrayList<>();
        Deque<Map.Entry<String, Write>> pending = new ArrayDeque<>();
        Set<String> visited = new LinkedHashSet<>();
        writes.forEach(write -> pending.add(Map.entry(table, write)));
        while (!pending.isEmpty()) {
            Map.Entry<String, Write> next = pending.poll();
            if (!visited.add(next.getKey() + " " + next.getValue())) {
                continue;
            }
            for (Key key : keys) {
                if (!key.referenced().equals(next.getKey())) {
                    continue;
                }
                Optional<String> action = key.firedBy(next.getValue());
                if (action.isEmpty()) {
                    continue;
                }
                path.add(key.name() + " (" + key.referencing() + " " + action.get() + ")");
                if (key.isOfDistributedTable()) {
                    reached.putIfAbsent(key.referencing(), key);
                } else {
                    key.makes(next.getValue()).forEach(write -> pending.add(Map.entry(key.referencing(), write)));
                }
            }
        }
        if (reached.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("it wrote reference table " + table + " (" + String.join(", ", writes.stream().map(Enum::name).toList())
                + "), and PostgreSQL carries that write through foreign keys with an action (" + String.join(", ", path)
                + ") into distributed table" + (reached.size() == 1 ? " " : "s ") + String.join(", ", reached.keySet())
                + " on every node, changing the rows of whichever tenants reference what it wrote: Citus sends only the "
                + "reference table's command, so no log names those rows or their tenants");
    }
}

package io.citustestkit.metadata;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Optional;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Decides whether tables are colocated: in the same colocation group AND, shard by shard ordered by
 * hash range, with the same ranges placed on the same nodes. The second half catches a placement
 * that a shard move or a manual repair left behind, which the colocation id alone does not show.
 *
 * <pre>{@code
 * List<TableMetadata> tables = CitusMetadataReader.readTables(connection, List.of("users", "events"));
 * Optional<ColocationMismatch> mismatch = Colocation.firstMismatch(tables);  // empty: colocated
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class Colocation {

    private Colocation() {
    }

    /**
     * Compares every table with the first one.
     *
     * @param tables at least one table
     * @return the first mismatch found, or empty if all tables are colocated with the first
     */
    public static Optional<ColocationMismatch> firstMismatch(List<TableMetadata> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("Expecting at least one table to compare");
        }
        TableMetadata first = tables.get(0);
        if (tables.size() == 1) {
            return unsupported(first, first);
        }
        for (TableMetadata other : tables.subList(1, tables.size())) {
            Optional<ColocationMismatch> mismatch = compare(first, other);
            if (mismatch.isPresent()) {
                return mismatch;
            }
        }
        return Optional.empty();
    }

    /**
     * Compares two tables.
     *
     * @param expected the table to be colocated with
     * @param actual the table checked against it
     * @return why they are not colocated, or empty if they are
     */
    public static Optional<ColocationMismatch> compare(TableMetadata expected, TableMetadata actual) {
        Optional<ColocationMismatch> unsupported = unsupported(expected, actual);
        if (unsupported.isPresent()) {
            return unsupported;
        }
        int position = firstDifferingPosition(expected.shards(), actual.shards());
        Shard expectedShard = shardAt(expected, position);
        Shard actualShard = shardAt(actual, position);
        String reason;
        if (expected.colocationId() != actual.colocationId()) {
            reason = expected.name() + " is in colocation group " + expected.colocationId() + ", "
                    + actual.name() + " in colocation group " + actual.colocationId();
        } else if (expected.shardCount() != actual.shardCount()) {
            reason = expected.name() + " has " + expected.shardCount() + " shards, " + actual.name() + " has "
                    + actual.shardCount();
        } else if (position > 0) {
            reason = "they are in the same colocation group " + expected.colocationId() + " but shard " + position
                    + " of " + expected.shardCount() + " (by hash range) "
                    + (expectedShard.hasSameRangeAs(actualShard)
                            ? "is placed on different nodes"
                            : "covers different hash ranges");
        } else {
            return Optional.empty();
        }
        return Optional.of(new ColocationMismatch(expected, actual, reason, position, expectedShard, actualShard));
    }

    private static Optional<ColocationMismatch> unsupported(TableMetadata expected, TableMetadata actual) {
        for (TableMetadata table : List.of(expected, actual)) {
            String reason = switch (table.kind()) {
                case MISSING -> "table " + table.name() + " does not exist";
                case PLAIN, CITUS_LOCAL -> table.name() + " is a " + table.kind().description()
                        + ": only distributed and reference tables belong to a colocation group";
                default -> null;
            };
            if (reason != null) {
                return Optional.of(new ColocationMismatch(expected, actual, reason, 0, null, null));
            }
        }
        return Optional.empty();
    }

    /** The 1-based position of the first shard pair that differs in range or placement, or 0. */
    private static int firstDifferingPosition(List<Shard> expected, List<Shard> actual) {
        int count = Math.max(expected.size(), actual.size());
        for (int i = 0; i < count; i++) {
            if (i >= expected.size() || i >= actual.size()) {
                return i + 1;
            }
            Shard left = expected.get(i);
            Shard right = actual.get(i);
            if (!left.hasSameRangeAs(right) || !left.placements().equals(right.placements())) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Shard shardAt(TableMetadata table, int position) {
        return position > 0 && position <= table.shardCount() ? table.shards().get(position - 1) : null;
    }
}

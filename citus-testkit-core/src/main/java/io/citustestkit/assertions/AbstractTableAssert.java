package io.citustestkit.assertions;

import io.citustestkit.metadata.Colocation;
import io.citustestkit.metadata.ColocationMismatch;
import io.citustestkit.metadata.TableKind;
import io.citustestkit.metadata.TableMetadata;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import static io.citustestkit.assertions.error.ShouldBeColocated.shouldBeColocated;
import static io.citustestkit.assertions.error.ShouldBeDistributedBy.shouldBeDistributedBy;
import static io.citustestkit.assertions.error.ShouldBeReferenceTable.shouldBeReferenceTable;
import static io.citustestkit.assertions.error.ShouldBeSingleShardTable.shouldBeSingleShardTable;
import static io.citustestkit.assertions.error.ShouldHaveShardCount.shouldHaveShardCount;
import static io.citustestkit.assertions.error.TableShouldExist.tableShouldExist;
import static org.apiguardian.api.API.Status.STABLE;

/**
 * Assertions on what Citus makes of a table, on its metadata read from the Citus catalogs when the
 * assertion is created ({@link io.citustestkit.metadata.CitusMetadataReader}). Every check first
 * fails if the table does not exist, naming it. A database without the citus extension raises
 * {@link io.citustestkit.metadata.CitusNotInstalledException}; a name the server cannot parse
 * (e.g. {@code a.b.c.d}) raises a {@link io.citustestkit.commons.CitusTestkitException} with its message.
 *
 * <pre>{@code
 * assertThatTable(dataSource, "events")
 *         .isDistributedBy("owner_id")
 *         .hasShardCount(32)
 *         .isColocatedWith("users", "user_sessions");
 * }</pre>
 *
 * @param <SELF> the "self" type of this assertion class
 */
@API(status = STABLE, since = "0.1")
public abstract class AbstractTableAssert<SELF extends AbstractTableAssert<SELF>>
        extends AbstractAssert<SELF, TableMetadata> {

    private final Database database;

    AbstractTableAssert(TableMetadata actual, Database database, Class<?> selfType) {
        super(actual, selfType);
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Verifies that the table is a distributed table with that distribution column. The column is
     * matched as PostgreSQL would: {@code "OwnerId"} (quoted) exactly, {@code OwnerId} folded to lower case.
     *
     * @param column the expected distribution column
     * @return this assertion object
     */
    public SELF isDistributedBy(String column) {
        Objects.requireNonNull(column, "column");
        existing();
        if (actual.kind() != TableKind.DISTRIBUTED || !sameColumn(actual.distributionColumn(), column)) {
            throwAssertionError(shouldBeDistributedBy(actual, column));
        }
        return myself;
    }

    /**
     * Verifies that the table is a reference table.
     *
     * @return this assertion object
     */
    public SELF isReferenceTable() {
        existing();
        if (actual.kind() != TableKind.REFERENCE) {
            throwAssertionError(shouldBeReferenceTable(actual));
        }
        return myself;
    }

    /**
     * Verifies that the table is a single-shard distributed table (Citus 12+): no distribution column,
     * one shard on one node, in a colocation group. Every table of a distributed schema is one
     * (schema-based sharding); so is a table distributed with {@code create_distributed_table('t', null)}.
     *
     * @return this assertion object
     */
    public SELF isSingleShardTable() {
        existing();
        if (actual.kind() != TableKind.SINGLE_SHARD) {
            throwAssertionError(shouldBeSingleShardTable(actual));
        }
        return myself;
    }

    /**
     * Verifies the table's number of shards.
     *
     * @param expected the expected number of shards
     * @return this assertion object
     */
    public SELF hasShardCount(int expected) {
        existing();
        if (actual.shardCount() != expected) {
            throwAssertionError(shouldHaveShardCount(actual, expected));
        }
        return myself;
    }

    /**
     * Verifies that the table is colocated with each of the others: the same colocation group AND,
     * shard by shard ordered by hash range, the same ranges placed on the same nodes. The others'
     * metadata is read now, in one round trip. The tables of one distributed schema are colocated;
     * tables of two distributed schemas never are (each schema is a colocation group of its own), even
     * on the same node.
     *
     * @param others the tables to be colocated with
     * @return this assertion object
     */
    public SELF isColocatedWith(String... others) {
        Objects.requireNonNull(others, "others");
        if (others.length == 0) {
            throw new IllegalArgumentException("Expecting at least one table to be colocated with");
        }
        existing();
        List<TableMetadata> tables = new ArrayList<>();
        tables.add(actual);
        tables.addAll(database.readTables(List.of(others)));
        Optional<ColocationMismatch> mismatch = Colocation.firstMismatch(tables);
        if (mismatch.isPresent()) {
            throwAssertionError(shouldBeColocated(tables, mismatch.get()));
        }
        return myself;
    }

    private void existing() {
        isNotNull();
        if (!actual.exists()) {
            throwAssertionError(tableShouldExist(actual));
        }
    }

    static boolean sameColumn(String actualColumn, String expected) {
        if (actualColumn == null) {
            return false;
        }
        boolean quoted = expected.length() > 1 && expected.startsWith("\"") && expected.endsWith("\"");
        if (quoted) {
            return actualColumn.equals(expected.substring(1, expected.length() - 1).replace("\"\"", "\""));
        }
        return actualColumn.equals(expected) || actualColumn.equals(expected.toLowerCase(Locale.ROOT));
    }
}

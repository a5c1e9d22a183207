package io.citustestkit.assertions;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.SchemaMetadata;
import io.citustestkit.metadata.TableMetadata;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static io.citustestkit.assertions.error.SchemaShouldExist.schemaShouldExist;
import static io.citustestkit.assertions.error.ShouldBeDistributedSchema.shouldBeDistributedSchema;
import static io.citustestkit.assertions.error.ShouldBePlacedOn.shouldBePlacedOn;
import static io.citustestkit.assertions.error.ShouldHaveOnlyTables.shouldHaveOnlyTables;
import static io.citustestkit.assertions.error.ShouldHaveTables.shouldHaveTables;
import static org.apiguardian.api.API.Status.STABLE;

/**
 * Assertions on what Citus makes of a PostgreSQL schema (schema-based sharding, Citus 12+), on its
 * metadata read from the Citus catalogs when the assertion is created
 * ({@link io.citustestkit.metadata.CitusMetadataReader#readSchema}). Every check first fails if the
 * schema does not exist, naming it; the failures show the schema and each of its tables, described.
 * For the colocation of its tables with each other, use
 * {@link CitusAssertions#assertColocated(javax.sql.DataSource, String...)}.
 *
 * <pre>{@code
 * assertThatSchema(dataSource, "tenant_42")
 *         .isDistributedSchema()
 *         .isPlacedOn("worker-2")
 *         .hasTables("orders", "customers");
 * }</pre>
 *
 * @param <SELF> the "self" type of this assertion class
 */
@API(status = STABLE, since = "0.1")
public abstract class AbstractSchemaAssert<SELF extends AbstractSchemaAssert<SELF>>
        extends AbstractAssert<SELF, SchemaMetadata> {

    AbstractSchemaAssert(SchemaMetadata actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies that the schema is a distributed schema: in {@code pg_dist_schema} (created while
     * {@code citus.enable_schema_based_sharding} was on, or distributed with
     * {@code citus_schema_distribute}), and every table of it a single-shard table of the schema's own
     * colocation group. The second half catches a table that dynamic SQL ({@code EXECUTE} in a function
     * or a {@code DO} block) created in the schema: Citus leaves it a plain table on the coordinator.
     *
     * @return this assertion object
     */
    public SELF isDistributedSchema() {
        existing();
        if (!actual.isDistributed() || !actual.tablesOutsideShardGroup().isEmpty()) {
            throwAssertionError(shouldBeDistributedSchema(actual));
        }
        return myself;
    }

    /**
     * Verifies that the schema is a distributed schema whose shard group is placed on that node: every
     * shard of every table of it, and every table of it in that shard group. Fails for a distributed
     * schema without tables, which Citus has not placed yet.
     *
     * @param node the node as registered in {@code pg_dist_node}: its host ({@code worker-2}, any port)
     *             or host and port ({@code worker-2:5432}); the host ignoring case
     * @return this assertion object
     */
    public SELF isPlacedOn(String node) {
        Objects.requireNonNull(node, "node");
        if (node.isBlank()) {
            throw new IllegalArgumentException("Expecting a node such as \"worker-2\" or \"worker-2:5432\", got a blank one");
        }
        existing();
        List<NodeAddress> nodes = actual.nodes();
        if (!actual.isDistributed() || nodes.isEmpty() || !actual.tablesOutsideShardGroup().isEmpty()
                || !nodes.stream().allMatch(n -> n.matches(node))) {
            throwAssertionError(shouldBePlacedOn(actual, node));
        }
        return myself;
    }

    /**
     * Verifies that the schema has these tables, and maybe others. A name is matched as SQL names a
     * table inside the schema: {@code orders} (folded to lower case), {@code "Orders"} (exactly), or
     * qualified with the schema ({@code tenant_42.orders}).
     *
     * @param tables the tables, at least one
     * @return this assertion object
     */
    public SELF hasTables(String... tables) {
        List<String> expected = names(tables);
        existing();
        List<String> missing = missing(expected);
        if (!missing.isEmpty()) {
            throwAssertionError(shouldHaveTables(actual, expected, missing));
        }
        return myself;
    }

    /**
     * Verifies that the schema has these tables and no other (partitions are not counted: they belong
     * to their parent). Names are matched as by {@link #hasTables}; their order does not matter.
     *
     * @param tables the tables, at least one
     * @return this assertion object
     */
    public SELF hasOnlyTables(String... tables) {
        List<String> expected = names(tables);
        existing();
        List<String> missing = missing(expected);
        List<TableMetadata> found = expected.stream().flatMap(t -> actual.table(t).stream()).toList();
        List<String> unexpected = new ArrayList<>();
        for (TableMetadata table : actual.tables()) {
            if (!found.contains(table)) {
                unexpected.add(actual.nameInSchema(table));
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throwAssertionError(shouldHaveOnlyTables(actual, expected, missing, unexpected));
        }
        return myself;
    }

    private List<String> missing(List<String> expected) {
        return expected.stream().filter(t -> actual.table(t).isEmpty()).toList();
    }

    private static List<String> names(String[] tables) {
        Objects.requireNonNull(tables, "tables");
        if (tables.length == 0) {
            throw new IllegalArgumentException("Expecting at least one table");
        }
        Arrays.stream(tables).forEach(t -> Objects.requireNonNull(t, "table name"));
        return List.of(tables);
    }

    private void existing() {
        isNotNull();
        if (!actual.exists()) {
            throwAssertionError(schemaShouldExist(actual));
        }
    }
}

package io.citustestkit.assertions.error;

import io.citustestkit.metadata.NodeAddress;
import io.citustestkit.metadata.SchemaMetadata;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Builds the failure of {@code isPlacedOn(node)}: the distributed schema's shard group is on another
 * node (with the way to move it), or the schema has no table yet, or tables of it are not in its shard
 * group, or it is not a distributed schema.
 *
 * <pre>{@code
 * Expecting schema:
 *   tenant_a
 * to be placed on worker-1 (every shard of its tables on that node)
 * but it is placed on worker-2:5432:
 *   distributed schema tenant_a (colocation group 3, 2 tables on worker-2:5432)
 *   table customers of distributed schema tenant_a (single-shard, colocation group 3, on worker-2:5432)
 *   table orders of distributed schema tenant_a (single-shard, colocation group 3, on worker-2:5432)
 * Citus moves a distributed schema as a whole: SELECT citus_schema_move('tenant_a', 'worker-1', 5432).
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldBePlacedOn extends CitusMessageFactory {

    private static final Pattern HOST_AND_PORT = Pattern.compile("(.+):(\\d{1,5})");

    private ShouldBePlacedOn(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * The failure for a schema that is not placed on that node.
     *
     * @param schema the schema's metadata
     * @param node the expected node, as the check was given it: {@code worker-1} or {@code worker-1:5432}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBePlacedOn(SchemaMetadata schema, String node) {
        List<NodeAddress> nodes = schema.nodes();
        String but;
        String move = "";
        if (!schema.isDistributed()) {
            but = "it is not a distributed schema, so Citus does not place its tables together";
        } else if (!schema.tablesOutsideShardGroup().isEmpty()) {
            List<String> outside = schema.tablesOutsideShardGroup().stream().map(schema::nameInSchema).toList();
            but = SchemaEvidence.tables(outside) + " of it " + (outside.size() == 1 ? "is" : "are")
                    + " not in its shard group, so not placed with it";
        } else if (nodes.isEmpty()) {
            but = "it has no table yet, so Citus has not placed it";
        } else {
            but = nodes.size() == 1
                    ? "it is placed on " + nodes.get(0)
                    : "its tables are on " + nodes.size() + " nodes: "
                    + nodes.stream().map(NodeAddress::toString).collect(Collectors.joining(", "));
            Matcher hostAndPort = HOST_AND_PORT.matcher(node);
            String host = hostAndPort.matches() ? hostAndPort.group(1) : node;
            String port = hostAndPort.matches() ? hostAndPort.group(2) : Integer.toString(nodes.get(0).port());
            move = Evidence.NL + "Citus moves a distributed schema as a whole: SELECT citus_schema_move("
                    + SchemaEvidence.literal(schema) + ", '" + host.replace("'", "''") + "', " + port + ").";
        }
        return new ShouldBePlacedOn("%nExpecting schema:%n  %s%nto be placed on %s (every shard of its tables on that"
                + " node)%nbut %s:%n%s%s",
                unquoted(schema.requestedName()), unquoted(node), unquoted(but), unquoted(SchemaEvidence.described(schema)),
                unquoted(move));
    }
}

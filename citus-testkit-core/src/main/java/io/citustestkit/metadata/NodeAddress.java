package io.citustestkit.metadata;

import org.apiguardian.api.API;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * A Citus node as {@code pg_dist_node} and Citus's EXPLAIN name it: a host and a port.
 *
 * <pre>{@code
 * NodeAddress w1 = NodeAddress.parse("host=w1 port=5432 dbname=postgres");
 * w1.host();      // "w1"
 * w1.port();      // 5432
 * w1.toString();  // "w1:5432"
 * }</pre>
 *
 * @param host the node's host name, as registered with {@code citus_add_node}
 * @param port the node's PostgreSQL port
 */
@API(status = STABLE, since = "0.1")
public record NodeAddress(String host, int port) implements Comparable<NodeAddress> {

    /** The host name Citus shows for a task it runs locally on the node that plans the query. */
    public static final String LOCALHOST = "localhost";

    private static final Pattern HOST = Pattern.compile("(?:^|\\s)host=(\\S+)");
    private static final Pattern PORT = Pattern.compile("(?:^|\\s)port=(\\d+)");
    private static final Pattern HOST_AND_PORT = Pattern.compile("(.+):(\\d{1,5})");
    private static final Comparator<NodeAddress> ORDER =
            Comparator.comparing(NodeAddress::host).thenComparingInt(NodeAddress::port);

    /**
     * Creates the address.
     *
     * @param host the node's host name, as registered with {@code citus_add_node}
     * @param port the node's PostgreSQL port
     * @throws IllegalArgumentException if the host is blank or the port is not between 1 and 65535
     */
    public NodeAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
    }

    /**
     * Parses the {@code "Node"} string of a task in Citus's EXPLAIN output.
     *
     * @param conninfo e.g. {@code host=w1 port=5432 dbname=postgres}
     * @return the node's host and port
     * @throws IllegalArgumentException if the string has no {@code host=} or {@code port=}
     */
    public static NodeAddress parse(String conninfo) {
        Objects.requireNonNull(conninfo, "conninfo");
        Matcher host = HOST.matcher(conninfo);
        Matcher port = PORT.matcher(conninfo);
        if (!host.find() || !port.find()) {
            throw new IllegalArgumentException(
                    "Expected a node like \"host=w1 port=5432 dbname=postgres\", got \"" + conninfo + "\"");
        }
        return new NodeAddress(host.group(1), Integer.parseInt(port.group(1)));
    }

    /**
     * Whether this is the node a test names: by host ({@code worker-2}: any port) or by host and port
     * ({@code worker-2:5432}), the host ignoring case.
     *
     * <pre>{@code
     * new NodeAddress("worker-2", 5432).matches("worker-2");       // true
     * new NodeAddress("worker-2", 5432).matches("worker-2:5433");  // false
     * }</pre>
     *
     * @param node {@code host} or {@code host:port}
     * @return whether it names this node
     */
    public boolean matches(String node) {
        Objects.requireNonNull(node, "node");
        Matcher hostAndPort = HOST_AND_PORT.matcher(node);
        if (hostAndPort.matches() && hostAndPort.group(1).equalsIgnoreCase(host)) {
            return Integer.parseInt(hostAndPort.group(2)) == port;
        }
        return node.equalsIgnoreCase(host);
    }

    /** {@return whether the host is {@code localhost}: Citus's name for the node executing the query itself} */
    public boolean isLocalhost() {
        return LOCALHOST.equals(host.toLowerCase(Locale.ROOT));
    }

    @Override
    public int compareTo(NodeAddress other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}

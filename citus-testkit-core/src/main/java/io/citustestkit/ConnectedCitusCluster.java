package io.citustestkit;

import io.citustestkit.commons.CitusTestkitException;
import io.citustestkit.docker.ShutdownHooks;
import io.citustestkit.metadata.CitusNotInstalledException;
import io.citustestkit.node.CoordinatorPool;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A coordinator that already runs ({@link CitusTestCluster#connect}): a pool and nothing else. Node
 * methods say that such a cluster has no containers.
 */
final class ConnectedCitusCluster extends CitusTestCluster {

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;
    private CoordinatorPool pool;
    private String citusVersion;

    private ConnectedCitusCluster(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.shutdownHook = ShutdownHooks.register("cluster-" + id, this);
    }

    static ConnectedCitusCluster open(String jdbcUrl, String username, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://host:5432/database, but was '" + withoutQuery(jdbcUrl) + "'.");
        }
        ConnectedCitusCluster cluster = new ConnectedCitusCluster(jdbcUrl, username, password);
        try {
            cluster.pool = CoordinatorPool.forUrl(cluster.id, jdbcUrl, username, password, 10);
            try (Connection connection = cluster.pool.dataSource().getConnection()) {
                cluster.citusVersion = "Citus " + CitusNotInstalledException.requireInstalled(connection);
            }
            return cluster;
        } catch (SQLException | RuntimeException e) {
            cluster.close();
            if (e instanceof CitusTestkitException known) {
                throw known;
            }
            throw new CitusTestkitException("Could not connect to the Citus coordinator at " + withoutQuery(jdbcUrl) + " as '"
                    + username + "': " + e.getMessage(), e);
        }
    }

    /** The URL without its query string, which may carry credentials. */
    static String withoutQuery(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    private UnsupportedOperationException noContainers(String what) {
        return new UnsupportedOperationException(what + " is not available for a cluster this object did not start "
                + "(connected to " + withoutQuery(jdbcUrl) + "): it has no containers. Use dataSource(), execute(..) and the assertions.");
    }

    @Override
    public boolean isManaged() {
        return false;
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public DataSource dataSource() {
        if (closed.get()) {
            throw new IllegalStateException("The connection to the Citus coordinator at " + withoutQuery(jdbcUrl) + " is closed.");
        }
        return pool.dataSource();
    }

    @Override
    public CitusNode coordinator() {
        throw noContainers("coordinator()");
    }

    @Override
    public List<CitusNode> workers() {
        throw noContainers("workers()");
    }

    @Override
    public String image() {
        throw noContainers("image()");
    }

    @Override
    public CitusNode addWorker() {
        throw noContainers("addWorker()");
    }

    @Override
    public String citusVersion() {
        return citusVersion;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (pool != null) {
                pool.close();
            }
            ShutdownHooks.remove(shutdownHook);
        }
    }

    @Override
    public String toString() {
        return "CitusTestCluster[" + id + ", existing coordinator " + withoutQuery(jdbcUrl) + "]";
    }
}

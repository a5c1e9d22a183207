package io.citustestkit.node;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apiguardian.api.API;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.time.Duration;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The pool of connections to a coordinator: HikariCP over pgjdbc, with Citus's refusals not evicting
 * connections. For a started cluster the pool follows the coordinator to its new host port after
 * a restart ({@link #moveTo(int)}).
 */
@API(status = INTERNAL, since = "0.1")
public final class CoordinatorPool implements AutoCloseable {

    private final PGSimpleDataSource target;
    private final HikariDataSource pool;

    private CoordinatorPool(PGSimpleDataSource target, HikariDataSource pool) {
        this.target = target;
        this.pool = pool;
    }

    /** A pool to a coordinator the kit started, addressed by host and mapped port. */
    public static CoordinatorPool forNode(String clusterId, String host, int port, String password, int size, Duration timeout) {
        PGSimpleDataSource target = new PGSimpleDataSource();
        target.setServerNames(new String[] {host});
        target.setPortNumbers(new int[] {port});
        target.setDatabaseName(NodeSettings.DATABASE);
        target.setUser(NodeSettings.USERNAME);
        target.setPassword(password);
        target.setApplicationName("citus-testkit");
        HikariConfig config = config(clusterId, size);
        config.setDataSource(target);
        // a test that calls Connection.setSchema(..) must not leave its search_path to the next test:
        // HikariCP puts a changed schema back only when the pool has one configured
        config.setSchema("public");
        config.setInitializationFailTimeout(timeout.toMillis());
        return new CoordinatorPool(target, new HikariDataSource(config));
    }

    /** A pool to a coordinator given by its JDBC URL. */
    public static CoordinatorPool forUrl(String clusterId, String jdbcUrl, String username, String password, int size) {
        HikariConfig config = config(clusterId, size);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(username);
        config.setPassword(password);
        return new CoordinatorPool(null, new HikariDataSource(config));
    }

    private static HikariConfig config(String clusterId, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("citus-testkit-" + clusterId);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
        config.setExceptionOverride(new CitusRefusalsKeepConnections());
        return config;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Points the pool at the coordinator's new mapped port, retiring the connections to the old one. */
    public void moveTo(int mappedPort) {
        if (target == null) {
            return;
        }
        target.setPortNumbers(new int[] {mappedPort});
        if (pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}

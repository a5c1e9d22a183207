package io.citustestkit.schema;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A {@code DataSource} that hands out one session again and again and never closes it, so that settings
 * made on that session ({@code SET citus.shard_count}) also apply to what Flyway and Liquibase run
 * through their own "connections". The owner of the session closes it.
 *
 * <pre>{@code
 * SchemaSource.applyAll(connection, sources); // uses a SessionDataSource over connection
 * }</pre>
 */
final class SessionDataSource implements DataSource {

    private final Connection session;
    private final Connection unclosable;

    SessionDataSource(Connection session) {
        this.session = session;
        this.unclosable = (Connection) Proxy.newProxyInstance(SessionDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (session.isClosed()) {
            throw new SQLException("The session the schema is applied on is closed.");
        }
        return unclosable;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the session is open already
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}

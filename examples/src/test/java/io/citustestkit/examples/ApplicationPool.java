package io.citustestkit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.citustestkit.CitusTestCluster;

/**
 * The application's own connection pool, opened from the cluster's URL and credentials the way an
 * application's configuration would: statement recording sees what goes through it too.
 */
final class ApplicationPool {

    private ApplicationPool() {
    }

    // tag::application-pool[]
    static HikariDataSource of(CitusTestCluster cluster) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(cluster.jdbcUrl());        // no credentials in the URL
        config.setUsername(cluster.username());
        config.setPassword(cluster.password());      // a fresh random password per cluster
        return new HikariDataSource(config);
    }
    // end::application-pool[]
}

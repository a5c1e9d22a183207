package io.citustestkit;

import java.time.Duration;

/**
 * The checks of {@link CitusTestCluster.Builder}'s arguments, with messages that say what is allowed.
 * Anything that configures a cluster (the JUnit extension's annotation too) goes through the builder,
 * so these rules exist once.
 */
final class BuilderChecks {

    static final int MAX_SHARD_COUNT = 64000;

    private BuilderChecks() {
    }

    static int workers(int workers) {
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be 0 or more, but was " + workers
                    + ": use 0 for a coordinator-only cluster, or 1 or more workers.");
        }
        return workers;
    }

    static String image(String image) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("image must not be blank: give a Citus image such as '"
                    + CitusImage.DEFAULT_IMAGE + "', or do not set it to use " + CitusImage.SYSTEM_PROPERTY
                    + ", " + CitusImage.ENVIRONMENT_VARIABLE + " or the default.");
        }
        return image.strip();
    }

    static String schemaLocation(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("A schema location must not be blank: use 'classpath:schema.sql' or a file path for a "
                    + "SQL script, 'flyway:classpath:db/migration' for Flyway migrations, or "
                    + "'liquibase:classpath:db/changelog/db.changelog-master.yaml' for a Liquibase changelog.");
        }
        return location.strip();
    }

    static int shardCount(int shardCount) {
        if (shardCount < 1 || shardCount > MAX_SHARD_COUNT) {
            throw new IllegalArgumentException("shardCount must be between 1 and " + MAX_SHARD_COUNT + ", but was " + shardCount + ".");
        }
        return shardCount;
    }

    static Duration positive(String name, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, but was " + timeout + ".");
        }
        return timeout;
    }

    static int poolSize(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, but was " + poolSize + ".");
        }
        return poolSize;
    }

    static String password(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty: give the password the superuser "
                    + CitusTestCluster.USERNAME + " should have, or do not set it to get a fresh random one per cluster.");
        }
        if (password.indexOf('\'') >= 0 || password.indexOf('\\') >= 0 || password.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("password must not contain quotes, backslashes or white space "
                    + "(Citus passes it to other nodes in a libpq connection string).");
        }
        return password;
    }
}

package io.citustestkit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration the extension's integration tests share (so the module starts few clusters),
 * written the way a team would name its own: a meta-annotation carrying {@link CitusCluster}.
 *
 * <pre>{@code
 * @TestCluster
 * static class SomeCase { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@CitusCluster(workers = TestCluster.WORKERS, shardCount = TestCluster.SHARD_COUNT, schema = TestCluster.SCHEMA,
        dataOnTmpfs = TestCluster.DATA_ON_TMPFS)
@interface TestCluster {

    int WORKERS = 1;
    int SHARD_COUNT = 4;
    String SCHEMA = "classpath:io/citustestkit/junit5/schema.sql";
    boolean DATA_ON_TMPFS = true;
}

package io.citustestkit.junit5;

import org.apiguardian.api.API;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * Lets a test (or every test of a class) send multi-shard statements although its cluster has
 * {@link CitusCluster#failOnMultiShardStatements() failOnMultiShardStatements = true}: for the report
 * that really reads every tenant. Say why.
 *
 * <pre>{@code
 * @Test
 * @AllowMultiShardStatements("the monthly report reads every tenant")
 * void should_sum_the_events_of_all_tenants(DataSource dataSource) { ... }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AllowMultiShardStatements {

    /**
     * Why this test may fan out.
     *
     * @return the reason, for the reader
     */
    String value();
}

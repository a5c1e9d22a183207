package io.citustestkit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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

/**
 * The plan model: {@link io.citustestkit.plan.ExplainRunner} runs {@code EXPLAIN} on a Citus coordinator
 * and parses it into a {@link io.citustestkit.plan.DistributedPlan} (its kind, tasks, shards, workers,
 * subplans and jobs). The parser and its helpers ({@code PlanParser}, {@code ShardReferences},
 * {@code PlanExcerpt}) are internal.
 *
 * <pre>{@code
 * DistributedPlan plan = ExplainRunner.create().explain(dataSource, "SELECT * FROM events WHERE tenant_id = ?", 42);
 * }</pre>
 */
package io.citustestkit.plan;

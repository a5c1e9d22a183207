package io.citustestkit.recording;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a real coordinator log with the coordinator's recording settings (Citus 14.0.1 / PostgreSQL 18: Citus's
 * default planning, fast-path planner and cached plans, {@code citus.stat_tenants_track = all}): the tenant of each
 * command is the one Citus wrote into it, also for executions of a server-side prepared statement (JDBC's
 * {@code S_1}/{@code S_2} from the fifth execution on) that Citus pruned at execution. The catalog is the one of
 * that run ({@code t01}, 4 shards, tenant 42 on 102011, tenant 43 on 102010).
 */
class TenantAnnotationLogTest {

    private static final String SELECT = "SELECT count(*), sum(amount) FROM t01 WHERE tenant_id = $1";
    private static List<RecordedStatement> statements;

    @BeforeAll
    static void read() {
        statements = RecordedLogs.judged("/recording/citus-14.0.1-pg18-tenant-annotations-coordinator.jsonl",
                RecordedLogs.fourShards("t01", 102008, 1), "tenant_id");
    }

    @Test
    void should_name_the_tenant_citus_wrote_into_each_command_of_a_prepared_statement_also_once_its_plan_is_cached() {
        List<RecordedStatement> selects = statements.stream().filter(statement -> statement.sql().equals(SELECT)).toList();

        assertThat(selects).extracting(statement -> statement.parameters().get(0))
                .containsExactly("42", "42", "42", "42", "42", "42", "42", "43");
        assertThat(selects).allSatisfy(select -> assertThat(select.distributionValues()).containsExactly(select.parameters().get(0)))
                .allSatisfy(select -> assertThat(select.unnamedValues()).isNull());
        assertThat(selects.get(7).shardIds()).as("the cached plan, bound to another tenant").containsExactly(102010L);
        assertThat(selects.get(7).commands()).singleElement().asString()
                .as("the command as Citus ran it, without the annotation").startsWith("SELECT count(*) AS count");
    }

    @Test
    void should_name_the_tenant_of_inserts_and_updates_from_their_commands() {
        assertThat(statements.stream().filter(s -> s.sql().startsWith("INSERT INTO t01")))
                .hasSize(8)
                .allSatisfy(insert -> assertThat(insert.distributionValues()).containsExactly("42"));
        assertThat(statements.stream().filter(s -> s.sql().startsWith("UPDATE t01")).findFirst().orElseThrow().distributionValues())
                .containsExactly("42");
    }

    @Test
    void should_judge_a_statement_on_shards_the_catalog_no_longer_holds_as_not_known() {
        // the same log, judged with a catalog read after t01's shards were split (new shard ids)
        List<RecordedStatement> afterSplit = RecordedLogs.judged("/recording/citus-14.0.1-pg18-tenant-annotations-coordinator.jsonl",
                RecordedLogs.fourShards("t01", 103008, 1), "tenant_id");
        RecordedStatement select = afterSplit.stream().filter(statement -> statement.sql().equals(SELECT)).findFirst().orElseThrow();

        assertThat(select.shardIds()).isEmpty();
        assertThat(select.touchesDistributedTables()).as("judged, never left out").isTrue();
        assertThat(select.unseenWorkReason()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("Citus ran it on shards the catalog no longer holds (t01_102011)")
                .contains("they were split, isolated or moved before the first verdict read the catalog"));
        assertThat(statements.stream().filter(statement -> statement.sql().equals(SELECT)))
                .as("with the run's own catalog").allSatisfy(known -> assertThat(known.unseenWorkReason()).isEmpty());
    }

    @Test
    void should_name_no_tenant_for_an_in_list_on_two_tenants_of_two_shards() {
        RecordedStatement in = statements.stream().filter(s -> s.sql().contains(" IN (")).findFirst().orElseThrow();

        assertThat(in.shardIds()).containsExactlyInAnyOrder(102010L, 102011L);
        assertThat(in.distributionValues()).isEmpty();
        assertThat(in.unnamedValuesReason()).isPresent();
    }
}

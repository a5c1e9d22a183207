package io.citustestkit.recording;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a node lacks for recording, from the values of {@link StatementRecorder#SETTINGS_READ}: the coordinator
 * names each command's tenant in it ({@code citus.stat_tenants_track = all}) or, set up as the workers are, when
 * planning; a worker, where delegated bodies run on its own shards, must plan each query with its values.
 */
class RecordingSettingsTest {

    /** The values as a node with {@code settings} reports them, in the order of {@link StatementRecorder#SETTINGS_READ}. */
    private static List<String> values(String planCacheMode, String fastPath, String statTenants) {
        List<String> values = new ArrayList<>(List.of("on", "jsonlog", "all", "on", "on", "t", "test", "debug2"));
        values.add(planCacheMode);
        values.add(fastPath);
        values.add("-1");
        values.add(statTenants);
        values.add("");
        assertThat(values).hasSameSizeAs(StatementRecorder.SETTINGS_READ);
        return values;
    }

    @Test
    void should_accept_a_coordinator_that_names_tenants_in_its_commands_or_names_them_when_planning() {
        assertThat(StatementRecorder.missingSettings(values("auto", "on", "all"), true)).isEmpty();
        assertThat(StatementRecorder.missingSettings(values("force_custom_plan", "off", "none"), true)).isEmpty();
    }

    @Test
    void should_tell_a_coordinator_that_names_no_tenant_what_it_lacks() {
        assertThat(StatementRecorder.missingSettings(values("auto", "on", "none"), true)).containsExactly(
                "citus.stat_tenants_track is 'none', needs 'all' (Citus then names the tenant of each command it sends): "
                        + "ALTER SYSTEM SET citus.stat_tenants_track = 'all'; SELECT pg_reload_conf();");
    }

    @Test
    void should_require_a_worker_to_plan_each_query_with_its_values() {
        assertThat(StatementRecorder.missingSettings(values("force_custom_plan", "off", "none"), false)).isEmpty();
        assertThat(StatementRecorder.missingSettings(values("auto", "on", "all"), false)).containsExactly(
                "plan_cache_mode is 'auto', needs 'force_custom_plan' (each execution planned with its values): "
                        + "ALTER SYSTEM SET plan_cache_mode = 'force_custom_plan'; SELECT pg_reload_conf();",
                "citus.enable_fast_path_router_planner is 'on', needs 'off' (the fast-path planner does not name a bound "
                        + "parameter's value): ALTER SYSTEM SET citus.enable_fast_path_router_planner = 'off'; SELECT pg_reload_conf();");
    }

    @Test
    void should_tell_a_node_that_logs_only_some_of_the_commands_citus_runs() {
        List<String> values = values("auto", "on", "all");
        values.set(12, "%102011%");

        assertThat(StatementRecorder.missingSettings(values, true)).containsExactly("citus.grep_remote_commands is '%102011%', needs '' "
                + "(Citus logs only the commands that match it): ALTER SYSTEM RESET citus.grep_remote_commands; SELECT pg_reload_conf();");
    }

    @Test
    void should_give_the_coordinator_and_the_workers_the_settings_they_are_checked_for() {
        assertThat(StatementRecorder.REQUIRED_SETTINGS).containsEntry("citus.stat_tenants_track", "all")
                .doesNotContainKeys("plan_cache_mode", "citus.enable_fast_path_router_planner");
        assertThat(StatementRecorder.WORKER_SETTINGS).containsEntry("plan_cache_mode", "force_custom_plan")
                .containsEntry("citus.enable_fast_path_router_planner", "off").doesNotContainKey("citus.stat_tenants_track");
    }
}

package io.citustestkit.schema;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ToolSettingsTest {

    @Test
    void should_list_liquibase_settings_from_properties_and_environment_and_the_parameters_referred_to() {
        Map<String, String> properties = Map.of("liquibase.command.contextFilter", "test", "java.version", "21",
                "schema_name", "app");
        Map<String, String> environment = Map.of("LIQUIBASE_COMMAND_LABEL_FILTER", "tenants", "HOME", "/root",
                "schema_name", "other");

        assertThat(ToolSettings.liquibase(Set.of("schema_name", "missing"), properties, environment)).containsExactly(
                "environment LIQUIBASE_COMMAND_LABEL_FILTER=tenants",
                "parameter missing=property=(none), environment=(none)",
                "parameter schema_name=property=app, environment=other",
                "property liquibase.command.contextFilter=test");
    }

    @Test
    void should_find_the_changelog_parameters_a_text_refers_to() {
        assertThat(ToolSettings.parameterReferences("CREATE TABLE ${schema}.${table} (id int); -- $notone {x} ${ spaced }"))
                .containsExactly("schema", "table");
    }

    @Test
    void should_know_the_flyway_version_on_the_class_path() {
        assertThat(ToolSettings.flywayVersion()).matches("\\d+\\.\\d+.*");
    }
}

package io.citustestkit.junit5;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ExistingClusterSettingsTest {

    private static final String URL = "jdbc:postgresql://coordinator:5432/app";

    @Test
    void should_start_containers_when_no_url_is_configured() {
        assertThat(ExistingClusterSettings.find(configuration(Map.of()), Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void should_read_the_url_user_and_password_from_the_configuration_parameters_and_system_properties() {
        Map<String, String> configuration = Map.of("citus.testkit.url", URL, "citus.testkit.user", "app",
                "citus.testkit.password", "secret");

        assertThat(ExistingClusterSettings.find(configuration(configuration), Map.<String, String>of()::get))
                .contains(new ExistingClusterSettings(URL, "app", "secret",
                        "system property or configuration parameter citus.testkit.url"));
    }

    @Test
    void should_fall_back_to_the_environment_variables() {
        Map<String, String> environment = Map.of("CITUS_TESTKIT_URL", URL, "CITUS_TESTKIT_USER", "app",
                "CITUS_TESTKIT_PASSWORD", "secret");

        assertThat(ExistingClusterSettings.find(configuration(Map.of()), environment::get))
                .contains(new ExistingClusterSettings(URL, "app", "secret", "environment variable CITUS_TESTKIT_URL"));
    }

    @Test
    void should_prefer_the_configuration_parameter_over_the_environment_variable() {
        Map<String, String> environment = Map.of("CITUS_TESTKIT_URL", "jdbc:postgresql://other/app", "CITUS_TESTKIT_USER", "env-user");

        assertThat(ExistingClusterSettings.find(configuration(Map.of("citus.testkit.url", URL)), environment::get))
                .hasValueSatisfying(settings -> {
                    assertThat(settings.url()).isEqualTo(URL);
                    assertThat(settings.user()).as("each value falls back on its own").isEqualTo("env-user");
                    assertThat(settings.password()).as("unset: taken from the URL, if at all").isNull();
                });
    }

    @Test
    void should_treat_a_blank_url_as_unset() {
        assertThat(ExistingClusterSettings.find(configuration(Map.of("citus.testkit.url", " ")), Map.<String, String>of()::get))
                .isEmpty();
    }

    @Test
    void should_never_show_the_password() {
        ExistingClusterSettings settings = new ExistingClusterSettings(URL, "app", "secret", "environment variable CITUS_TESTKIT_URL");

        assertThat(settings.toString()).doesNotContain("secret").contains("****");
        assertThat(settings.describe()).isEqualTo(URL + " (environment variable CITUS_TESTKIT_URL)");
    }

    @Test
    void should_hide_the_password_parameters_of_the_url_and_keep_the_others() {
        String url = URL + "?user=app&password=Url-Secret-1&sslmode=require&SSLPassword=Key-Secret-2";
        ExistingClusterSettings settings = new ExistingClusterSettings(url, null, null, "environment variable CITUS_TESTKIT_URL");

        assertThat(settings.describe())
                .isEqualTo(URL + "?user=app&password=****&sslmode=require&SSLPassword=**** (environment variable CITUS_TESTKIT_URL)");
        assertThat(settings.toString()).doesNotContain("Url-Secret-1", "Key-Secret-2").contains("?user=app&password=****&sslmode=require");
        assertThat(ExistingClusterSettings.redacted(URL + "?password=")).isEqualTo(URL + "?password=****");
        assertThat(ExistingClusterSettings.redacted(URL + "?PASSWORD=x")).isEqualTo(URL + "?PASSWORD=****");
        assertThat(ExistingClusterSettings.redacted(URL + "?passwordless=true")).as("not a password parameter")
                .isEqualTo(URL + "?passwordless=true");
    }

    @Test
    void should_hide_every_secret_of_the_settings_in_a_drivers_message() {
        ExistingClusterSettings settings = new ExistingClusterSettings(URL + "?password=Url-Secret-1", "app", "Property-Secret-2",
                "system property or configuration parameter citus.testkit.url");

        assertThat(settings.hideSecrets("FATAL: no pg_hba.conf entry (url " + URL + "?password=Url-Secret-1 (tried Url-Secret-1 and "
                + "Property-Secret-2))"))
                .isEqualTo("FATAL: no pg_hba.conf entry (url " + URL + "?password=**** (tried **** and ****))");
        assertThat(settings.hideSecrets(null)).isNull();
    }

    private static Function<String, Optional<String>> configuration(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}

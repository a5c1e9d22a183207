package io.citustestkit.junit5;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an existing Citus coordinator is, when the tests should run against it instead of starting
 * containers. Each value is read from the JUnit configuration parameter of its name (which includes
 * the JVM system property and {@code junit-platform.properties}), else from the environment variable.
 *
 * <pre>{@code
 * // mvn verify -Dcitus.testkit.url=jdbc:postgresql://citus-coordinator:5432/app -Dcitus.testkit.user=app ...
 * Optional<ExistingClusterSettings> settings = ExistingClusterSettings.find(context::getConfigurationParameter, System::getenv);
 * }</pre>
 *
 * @param url the coordinator's JDBC URL
 * @param user the user, or null to take it from the URL
 * @param password the password, or null to take it from the URL
 * @param source where the URL was found, for messages
 */
record ExistingClusterSettings(String url, String user, String password, String source) {

    static final String URL_PROPERTY = "citus.testkit.url";
    static final String USER_PROPERTY = "citus.testkit.user";
    static final String PASSWORD_PROPERTY = "citus.testkit.password";
    static final String URL_VARIABLE = "CITUS_TESTKIT_URL";
    static final String USER_VARIABLE = "CITUS_TESTKIT_USER";
    static final String PASSWORD_VARIABLE = "CITUS_TESTKIT_PASSWORD";

    /** What a secret is shown as. */
    static final String HIDDEN = "****";

    /** A URL parameter whose value is a secret: {@code password=}, {@code sslpassword=}, in any case. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&][^=&\\s]*password=)([^&#;\\s]*)");

    /** The settings, if a URL is configured; empty means "start containers". */
    static Optional<ExistingClusterSettings> find(Function<String, Optional<String>> configuration,
                                                  Function<String, String> environment) {
        Optional<String> fromConfiguration = nonBlank(configuration.apply(URL_PROPERTY));
        String url;
        String source;
        if (fromConfiguration.isPresent()) {
            url = fromConfiguration.get();
            source = "system property or configuration parameter " + URL_PROPERTY;
        } else {
            Optional<String> fromEnvironment = nonBlank(Optional.ofNullable(environment.apply(URL_VARIABLE)));
            if (fromEnvironment.isEmpty()) {
                return Optional.empty();
            }
            url = fromEnvironment.get();
            source = "environment variable " + URL_VARIABLE;
        }
        String user = nonBlank(configuration.apply(USER_PROPERTY))
                .or(() -> nonBlank(Optional.ofNullable(environment.apply(USER_VARIABLE)))).orElse(null);
        String password = configuration.apply(PASSWORD_PROPERTY)
                .or(() -> Optional.ofNullable(environment.apply(PASSWORD_VARIABLE))).orElse(null);
        return Optional.of(new ExistingClusterSettings(url, user, password, source));
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The URL, its passwords hidden, and where it came from, e.g.
     * "jdbc:postgresql://db:5432/app?password=**** (environment variable CITUS_TESTKIT_URL)".
     */
    String describe() {
        return redacted(url) + " (" + source + ")";
    }

    /**
     * {@code text} with every secret of these settings hidden: the password, and the value of each
     * password parameter of the URL (a driver's message may quote them).
     */
    String hideSecrets(String text) {
        if (text == null) {
            return null;
        }
        String hidden = text;
        if (password != null && !password.isEmpty()) {
            hidden = hidden.replace(password, HIDDEN);
        }
        Matcher parameters = SECRET_PARAMETER.matcher(url);
        while (parameters.find()) {
            if (!parameters.group(2).isEmpty()) {
                hidden = hidden.replace(parameters.group(2), HIDDEN);
            }
        }
        return redacted(hidden);
    }

    /**
     * {@code url} with the value of each password parameter hidden:
     * {@code jdbc:postgresql://db/app?user=app&password=s3cret&sslmode=require} becomes
     * {@code jdbc:postgresql://db/app?user=app&password=****&sslmode=require}.
     */
    static String redacted(String url) {
        return url == null ? null : SECRET_PARAMETER.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN));
    }

    @Override
    public String toString() {
        return "ExistingClusterSettings[" + redacted(url) + ", user " + user + ", password " + (password == null ? "unset" : HIDDEN)
                + ", " + source + "]";
    }
}

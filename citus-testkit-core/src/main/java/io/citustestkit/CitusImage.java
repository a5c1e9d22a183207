package io.citustestkit;

import org.apiguardian.api.API;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

import java.util.Optional;
import java.util.function.Function;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * The Citus image a cluster runs, and where it comes from. This class is the one place where the
 * default image tag is pinned.
 *
 * <p>Resolution order: the value given to {@link CitusTestCluster.Builder#image(String)}, else the
 * system property {@value #SYSTEM_PROPERTY}, else the environment variable {@value #ENVIRONMENT_VARIABLE},
 * else {@value #DEFAULT_IMAGE}. Testcontainers' image name substitution (a registry mirror prefix,
 * {@code ~/.testcontainers.properties}) applies: {@link #dockerName()} is what is inspected, pulled and run.
 *
 * <pre>{@code
 * // mvn verify -Dcitus.testkit.image=citusdata/citus:13.2.0
 * String image = CitusImage.resolve(null).name();
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class CitusImage {

    /** The pinned official image used when nothing else is configured. */
    public static final String DEFAULT_IMAGE = "citusdata/citus:14.1.0";

    /** System property that overrides the default image. */
    public static final String SYSTEM_PROPERTY = "citus.testkit.image";

    /** Environment variable that overrides the default image (after the system property). */
    public static final String ENVIRONMENT_VARIABLE = "CITUS_TESTKIT_IMAGE";

    private final String name;
    private final String source;

    private CitusImage(String name, String source) {
        this.name = name;
        this.source = source;
    }

    /**
     * Resolves the image from an explicit value (may be {@code null}), the system property, the
     * environment variable and the pinned default, in that order.
     *
     * @param explicit the image set in code, or {@code null} to fall back to the other sources
     * @return the resolved image and where it came from
     */
    public static CitusImage resolve(String explicit) {
        return resolve(explicit, System::getProperty, System::getenv);
    }

    static CitusImage resolve(String explicit, Function<String, String> properties, Function<String, String> environment) {
        if (explicit != null) {
            if (explicit.isBlank()) {
                throw new IllegalArgumentException("The Citus image must not be blank. Pass an image such as '"
                        + DEFAULT_IMAGE + "', or leave it unset to use the system property " + SYSTEM_PROPERTY
                        + ", the environment variable " + ENVIRONMENT_VARIABLE + " or the default " + DEFAULT_IMAGE + ".");
            }
            return new CitusImage(explicit.trim(), "set in code");
        }
        return nonBlank(properties.apply(SYSTEM_PROPERTY))
                .map(value -> new CitusImage(value, "system property " + SYSTEM_PROPERTY))
                .or(() -> nonBlank(environment.apply(ENVIRONMENT_VARIABLE))
                        .map(value -> new CitusImage(value, "environment variable " + ENVIRONMENT_VARIABLE)))
                .orElseGet(() -> new CitusImage(DEFAULT_IMAGE, "citus-testkit's default"));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** {@return the image reference, e.g. {@code citusdata/citus:14.1.0}} */
    public String name() {
        return name;
    }

    /**
     * The image as Docker knows it: {@link #name()} after Testcontainers' {@link ImageNameSubstitutor}
     * (e.g. {@code mirror.example.com/citusdata/citus:14.1.0} with {@code hub.image.name.prefix} set).
     * The kit inspects, pulls, derives from and runs this name, so the pre-check and the nodes agree.
     *
     * @return the image name after substitution, in canonical form
     */
    public String dockerName() {
        return ImageNameSubstitutor.instance().apply(DockerImageName.parse(name)).asCanonicalNameString();
    }

    /** {@return where the name came from, e.g. "system property citus.testkit.image"} */
    public String source() {
        return source;
    }

    /** {@return how to choose another image, for error messages} */
    public static String howToOverride() {
        return "choose the image with CitusTestCluster.builder().image(..) (or @CitusCluster(image = ..)), the system property "
                + SYSTEM_PROPERTY + ", or the environment variable " + ENVIRONMENT_VARIABLE;
    }

    @Override
    public String toString() {
        return name + " (" + source + ")";
    }

    /** Why this image could not be obtained ({@code why}), naming the image, where its name came from and how to choose another. */
    String notObtainable(String why) {
        String substituted = dockerName().equals(name()) || dockerName().equals(name() + ":latest")
                ? "" : ", as '" + dockerName() + "' after Testcontainers' image name substitution";
        return "Could not obtain the Citus image '" + name() + "' (" + source() + substituted + "): " + String.valueOf(why).strip() + "\n"
                + "  It is not present locally and could not be pulled. Pull or build it first, or " + howToOverride()
                + " (pinned default: " + DEFAULT_IMAGE + ").";
    }
}

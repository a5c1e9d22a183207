package io.citustestkit.testsupport;

import io.citustestkit.CitusImage;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Images that tests need, derived from the Citus image under test (a fresh machine has no other
 * image, and no registry may be reachable): built with Testcontainers' {@link ImageFromDockerfile},
 * {@code FROM} the Citus image with another entrypoint, and removed when the JVM exits.
 */
public final class DerivedImages {

    private DerivedImages() {
    }

    /** An image Docker cannot even start: its entrypoint does not exist (no PostgreSQL runs). */
    public static String notPostgres() {
        return build("citus-testkit-test/not-postgres", "/citus-testkit/no-such-entrypoint");
    }

    /**
     * The Citus image with an entrypoint whose output never shows "database system is ready to accept
     * connections" (as with another entrypoint, or {@code logging_collector = on}).
     */
    public static String withoutReadyLine() {
        return build("citus-testkit-test/no-ready-line", "/bin/bash", "-c",
                "docker-entrypoint.sh \"$@\" 2>&1 | grep --line-buffered -v 'ready to accept connections'", "--");
    }

    private static String build(String repository, String... entrypoint) {
        String base = CitusImage.resolve(null).dockerName();
        String tag = Integer.toHexString(base.hashCode());
        return new ImageFromDockerfile(repository + ":" + tag, true)
                .withDockerfileFromBuilder(dockerfile -> dockerfile.from(base).entryPoint(entrypoint).build())
                .get();
    }
}

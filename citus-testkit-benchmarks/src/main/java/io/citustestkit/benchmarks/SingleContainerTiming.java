package io.citustestkit.benchmarks;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The benchmark's baseline: one plain container of the Citus image started and answering {@code SELECT 1}.
 *
 * <pre>{@code
 * baseline.add(SingleContainerTiming.startSingleContainer(image));
 * }</pre>
 */
final class SingleContainerTiming {

    private SingleContainerTiming() {
    }

    /** {@return the nanoseconds from starting a container of {@code image} until it answered {@code SELECT 1}} */
    static long startSingleContainer(String image) throws Exception {
        long started = System.nanoTime();
        try (PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))) {
            container.start();
            try (Connection connection = container.createConnection(""); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT 1")) {
                rs.next();
            }
            return System.nanoTime() - started;
        }
    }
}

package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;

import javax.sql.DataSource;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;

/**
 * The messages of the extension's configuration errors, in one place so the tests check the same
 * text the users read.
 *
 * <pre>{@code
 * throw new ParameterResolutionException(Messages.unsupportedType("parameter 'name' of ...", String.class));
 * }</pre>
 */
final class Messages {

    static final String SUPPORTED_TYPES = DataSource.class.getName() + " (a pooled connection to the coordinator) or "
            + CitusTestCluster.class.getName() + " (the running cluster)";

    private Messages() {
    }

    static String unsupportedType(String target, Class<?> type) {
        return "Cannot inject " + target + ": @CitusCluster injects " + SUPPORTED_TYPES + ", but its type is "
                + type.getName() + ". Declare it as one of those types, or remove @CitusResource.";
    }

    static String finalField(String target) {
        return "Cannot inject " + target + ": it is final. Remove 'final' so the extension can set it.";
    }

    static String missingAnnotation(String target, Class<?> testClass) {
        return "Cannot inject " + target + ": " + testClass.getName() + " has no @CitusCluster (neither do its superclasses"
                + " nor, for a @Nested class, its enclosing classes). Annotate the class, e.g. @CitusCluster(workers = 2, "
                + "schema = \"classpath:schema.sql\"), or with your own annotation that carries @CitusCluster.";
    }

    static String startFailedEarlier(String configuration, String failedFor, Throwable failure) {
        return "The Citus cluster for " + configuration + " is not started again: it failed to start for " + failedFor
                + " earlier in this run, and every class that asks for this configuration fails with the same cause.\n"
                + "  Cause: " + failure;
    }

    static String dockerMissingSkip(Class<?> testClass) {
        return "@CitusCluster(disabledWithoutDocker = true) on " + testClass.getName()
                + ": Docker is not reachable, so no Citus cluster can be started and the class is skipped.";
    }

    static String handleNotPrepared(Class<?> testClass) {
        return "The @CitusCluster cluster of " + testClass.getName() + " was asked for outside its JUnit Jupiter run: "
                + "its extension prepares it when JUnit Jupiter runs the class, on the thread that runs it, and has not. "
                + "Run the class with JUnit Jupiter (JUnit 5.10+ or 6), not with JUnit 4's runner or TestNG.";
    }

    static String field(Field field) {
        return "@CitusResource field '" + field.getName() + "' of " + field.getDeclaringClass().getName();
    }

    static String parameter(Parameter parameter) {
        Executable executable = parameter.getDeclaringExecutable();
        String owner = executable instanceof Constructor
                ? "the constructor of " + executable.getDeclaringClass().getName()
                : "method " + executable.getDeclaringClass().getName() + "." + executable.getName() + "()";
        return "parameter '" + parameter.getName() + "' of " + owner;
    }
}

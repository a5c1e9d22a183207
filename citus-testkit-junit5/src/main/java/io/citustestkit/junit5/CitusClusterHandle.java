package io.citustestkit.junit5;

import io.citustestkit.CitusTestCluster;
import org.apiguardian.api.API;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The cluster of a {@link CitusCluster @CitusCluster} test class, for integrations that build fixtures
 * for the class outside JUnit's callbacks: citus-testkit-spring asks for it when Spring prepares the
 * class's application context. Experimental: made for citus-testkit's own modules, it may change
 * without notice.
 *
 * <p>The extension prepares the handle when JUnit evaluates the class, before any extension's
 * {@code beforeAll} and on the thread that runs the class, so it is there whatever order the
 * extensions are registered in. It starts nothing until {@link #cluster()} is called, and it stands for
 * the very cluster the extension injects into the class's fields and parameters and cleans between its
 * tests: one per configuration and test run, closed when the run ends.
 *
 * <p>Two handles are equal when they stand for the same cluster of the same run. A later run (or an
 * engine run nested in a test) gets unequal handles, so a cache keyed by the handle, like Spring's
 * context cache, never hands a fixture built on an earlier run's, closed, cluster to a later test.
 *
 * <pre>{@code
 * Optional<CitusClusterHandle> handle = CitusClusterHandle.forTestClass(testClass);
 * if (handle.isPresent()) {
 *     CitusTestCluster cluster = handle.get().cluster();    // started now if no class started it yet
 *     handle.get().onRelease(applicationContext::close);    // runs before the cluster is removed
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CitusClusterHandle {

    private static final ThreadLocal<Map<Class<?>, CitusClusterHandle>> PREPARED = ThreadLocal.withInitial(HashMap::new);

    private final Class<?> testClass;
    private final ClusterRelease release;
    private final RuntimeException failure;

    private CitusClusterHandle(Class<?> testClass, ClusterRelease release, RuntimeException failure) {
        this.testClass = testClass;
        this.release = release;
        this.failure = failure;
    }

    /**
     * The handle of {@code testClass}'s cluster.
     *
     * @param testClass the test class, as JUnit runs it (a subclass, a {@code @Nested} class)
     * @return the handle, or empty when no {@code @CitusCluster} applies to the class
     * @throws IllegalStateException when {@code @CitusCluster} applies to the class but its extension did
     *                               not prepare it on this thread (the class is not run by JUnit Jupiter)
     */
    public static Optional<CitusClusterHandle> forTestClass(Class<?> testClass) {
        if (CitusClusterExtension.findAnnotation(testClass).isEmpty()) {
            return Optional.empty();
        }
        CitusClusterHandle handle = PREPARED.get().get(testClass);
        if (handle == null) {
            throw new IllegalStateException(Messages.handleNotPrepared(testClass));
        }
        return Optional.of(handle);
    }

    static void prepare(Class<?> testClass, ClusterRelease release) {
        PREPARED.get().put(testClass, new CitusClusterHandle(testClass, release, null));
    }

    /** Prepares a handle that fails with {@code failure}: the extension fails the class with it too. */
    static void prepareFailed(Class<?> testClass, RuntimeException failure) {
        PREPARED.get().put(testClass, new CitusClusterHandle(testClass, null, failure));
    }

    static void forget(Class<?> testClass) {
        PREPARED.get().remove(testClass);
    }

    /**
     * The running cluster, started now if no class of the run has asked for it yet.
     *
     * @return the cluster
     * @throws RuntimeException what starting the cluster threw, or the class's configuration error
     */
    public CitusTestCluster cluster() {
        if (failure != null) {
            throw failure;
        }
        return release.cluster(testClass.getName());
    }

    /**
     * Runs {@code action} when the run releases the cluster, before the cluster is closed (at once if it
     * is already released). Actions run latest first; one that throws is logged, the others still run.
     *
     * @param action what to release, e.g. an application context that uses the cluster
     */
    public void onRelease(Runnable action) {
        if (release != null) {
            release.onRelease(action);
        }
    }

    /**
     * Says which configuration the cluster has, for messages.
     *
     * @return the {@code @CitusCluster} configuration, without the password
     */
    @Override
    public String toString() {
        return release != null ? release.configuration() : "@CitusCluster of " + testClass.getName() + " (invalid: " + failure.getMessage() + ")";
    }

    /**
     * Whether {@code other} stands for the same cluster of the same run.
     *
     * @param other another handle
     * @return true for the same cluster of the same run
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof CitusClusterHandle handle)) {
            return false;
        }
        return release != null ? release == handle.release : this == handle;
    }

    @Override
    public int hashCode() {
        return release != null ? System.identityHashCode(release) : System.identityHashCode(this);
    }
}

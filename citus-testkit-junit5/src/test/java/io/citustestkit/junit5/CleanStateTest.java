package io.citustestkit.junit5;

import io.citustestkit.commons.CitusTestkitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the tables are remembered and cleaned, and which tests wait for which, with a cleaner that records its calls. */
class CleanStateTest {

    private final List<String> cleanups = new CopyOnWriteArrayList<>();
    private final CleanState state = new CleanState(new RecordingCleaner(cleanups));

    @Test
    void should_clean_before_the_first_truncating_test_and_after_every_truncating_test() throws Exception {
        state.enter(TableCleanup.TRUNCATE, "A.first()").close();
        state.enter(TableCleanup.TRUNCATE, "A.second()").close();

        assertThat(cleanups).containsExactly(
                "truncate before A.first() (an earlier test may have left rows)",
                "truncate after A.first()",
                "truncate after A.second()");
    }

    @Test
    void should_remember_new_tables_before_the_first_restoring_test_of_each_class_and_restore_after_every_test() throws Exception {
        enter(TableCleanup.RESTORE, "A", "A.first()").close();
        enter(TableCleanup.RESTORE, "A", "A.second()").close();
        enter(TableCleanup.RESTORE, "B", "B.first()").close();

        assertThat(cleanups).containsExactly(
                "remember before A.first() (tables that appeared since the schema was applied)",
                "restore before A.first() (an earlier test may have left rows)",
                "restore after A.first()",
                "restore after A.second()",
                "remember before B.first() (tables that appeared since the schema was applied)",
                "restore after B.first()");
    }

    @Test
    void should_restore_before_a_restoring_test_that_follows_a_truncating_one_and_truncate_before_the_reverse() throws Exception {
        enter(TableCleanup.RESTORE, "A", "A.test()").close();
        cleanups.clear();

        enter(TableCleanup.TRUNCATE, "B", "B.test()").close();
        enter(TableCleanup.RESTORE, "A", "A.again()").close();

        assertThat(cleanups).containsExactly(
                "truncate before B.test() (an earlier test may have left rows)",
                "truncate after B.test()",
                "restore before A.again() (an earlier test may have left rows)",
                "restore after A.again()");
    }

    @Test
    void should_never_remember_for_classes_that_empty_their_tables_or_keep_their_data() throws Exception {
        enter(TableCleanup.TRUNCATE, "A", "A.test()").close();
        enter(TableCleanup.NONE, "B", "B.test()").close();

        assertThat(cleanups).noneMatch(call -> call.startsWith("remember"));
    }

    @Test
    void should_clean_before_a_truncating_test_that_follows_a_test_keeping_its_data() throws Exception {
        state.enter(TableCleanup.TRUNCATE, "A.test()").close();
        state.enter(TableCleanup.NONE, "B.test()").close();
        cleanups.clear();

        state.enter(TableCleanup.TRUNCATE, "C.test()").close();

        assertThat(cleanups).containsExactly(
                "truncate before C.test() (an earlier test may have left rows)",
                "truncate after C.test()");
    }

    @Test
    void should_restart_sequences_before_a_restarting_test_that_follows_a_test_keeping_them() throws Exception {
        state.enter(TableCleanup.TRUNCATE, "A.test()").close();
        cleanups.clear();

        state.enter(TableCleanup.TRUNCATE_AND_RESTART_SEQUENCES, "B.first()").close();
        state.enter(TableCleanup.TRUNCATE_AND_RESTART_SEQUENCES, "B.second()").close();

        assertThat(cleanups).containsExactly(
                "truncate and restart before B.first() (an earlier test may have left rows)",
                "truncate and restart after B.first()",
                "truncate and restart after B.second()");
    }

    @Test
    void should_reset_sequences_to_the_schemas_values_before_a_restoring_test_that_restarts_them() throws Exception {
        enter(TableCleanup.RESTORE, "A", "A.test()").close();
        cleanups.clear();

        enter(TableCleanup.RESTORE_AND_RESTART_SEQUENCES, "A", "A.second()").close();
        enter(TableCleanup.RESTORE_AND_RESTART_SEQUENCES, "A", "A.third()").close();

        assertThat(cleanups).containsExactly(
                "restore and restart before A.second() (an earlier test may have left rows)",
                "restore and restart after A.second()",
                "restore and restart after A.third()");
    }

    @Test
    void should_never_clean_for_tests_keeping_their_data() throws Exception {
        state.enter(TableCleanup.NONE, "A.first()").close();
        state.enter(TableCleanup.NONE, "A.second()").close();

        assertThat(cleanups).isEmpty();
    }

    @Test
    void should_let_tests_keeping_their_data_run_side_by_side() throws Exception {
        CleanState.Lease first = state.enter(TableCleanup.NONE, "A.test()");
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> enterAndLeave(TableCleanup.NONE, "B.test()"));

        second.get(5, TimeUnit.SECONDS);
        first.close();
    }

    @Test
    void should_make_a_cleaning_test_wait_for_running_tests_and_others_wait_for_it() throws Exception {
        CleanState.Lease running = state.enter(TableCleanup.NONE, "A.test()");
        CompletableFuture<Void> restoring = CompletableFuture.runAsync(() -> enterAndLeave(TableCleanup.RESTORE, "B.test()"));

        assertThatThrownBy(() -> restoring.get(300, TimeUnit.MILLISECONDS)).as("waits for A").isInstanceOf(TimeoutException.class);
        assertThat(cleanups).isEmpty();

        running.close();
        restoring.get(5, TimeUnit.SECONDS);
        assertThat(cleanups).hasSize(3);
    }

    @Test
    @Timeout(5)
    void should_let_a_thread_that_holds_a_lease_in_again_without_waiting() throws Exception {
        CleanState.Lease factory = state.enter(TableCleanup.TRUNCATE, "A.factory()");

        enterAndLeave(TableCleanup.TRUNCATE, "A.factory()[1]");

        factory.close();
        assertThat(cleanups).as("only the outer lease cleans").hasSize(2);
    }

    @Test
    void should_let_the_next_test_in_when_cleaning_fails() throws Exception {
        CleanState failing = new CleanState(new RecordingCleaner(cleanups) {
            @Override
            public void clean(boolean restore, boolean restartSequences, String when) {
                throw new CitusTestkitException("cleanup failed " + when);
            }
        });

        assertThatThrownBy(() -> failing.enter(TableCleanup.TRUNCATE, "A.test()")).hasMessageStartingWith("cleanup failed before A.test()");

        CompletableFuture<CleanState.Lease> next = CompletableFuture.supplyAsync(() -> {
            try {
                return failing.enter(TableCleanup.NONE, "B.test()");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(next.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void should_clean_once_however_often_a_lease_is_closed() throws Exception {
        CleanState.Lease lease = state.enter(TableCleanup.TRUNCATE, "A.test()");

        lease.close();
        lease.close();

        assertThat(cleanups).hasSize(2);
    }

    private CleanState.Lease enter(TableCleanup mode, String testClass, String test) throws InterruptedException {
        return state.enter(mode, false, testClass, test);
    }

    private void enterAndLeave(TableCleanup mode, String test) {
        try {
            state.enter(mode, test).close();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records "remember when", "restore when", "truncate and restart when", ... */
    private static class RecordingCleaner implements TableCleaner {

        private final List<String> calls;

        RecordingCleaner(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public void remember(String when) {
            calls.add("remember " + when);
        }

        @Override
        public void clean(boolean restore, boolean restartSequences, String when) {
            calls.add((restore ? "restore" : "truncate") + (restartSequences ? " and restart " : " ") + when);
        }
    }
}

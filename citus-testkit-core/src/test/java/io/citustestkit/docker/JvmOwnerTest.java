package io.citustestkit.docker;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The owner label and the rule that judges it, on a recorded {@code /proc} laid out in a directory. */
class JvmOwnerTest {

    private static final String MACHINE = "build-7/5e1c0c1e-9d2b-4bb0-a3a1-0c3e7f0e2b11";
    private static final String NAMESPACE = "pid:[4026531836]";
    private static final String PROC_MOUNT = "21 26 0:20 / /proc rw,relatime - proc proc rw";

    @TempDir
    Path proc;

    private JvmOwner judge;

    @BeforeEach
    void aProcOfThisNamespaceThatHidesNothing() throws IOException {
        process(100, 9000);
        Files.createSymbolicLink(proc.resolve("self"), Path.of("100"));
        Files.createDirectories(proc.resolve("100/ns"));
        Files.createSymbolicLink(proc.resolve("100/ns/pid"), Path.of(NAMESPACE));
        Files.writeString(proc.resolve("100/mountinfo"), PROC_MOUNT + "\n");
        judge = new JvmOwner(MACHINE, NAMESPACE, 100, "t9000");
    }

    @Test
    void should_write_and_read_back_the_label_with_the_pid_namespace() {
        JvmOwner owner = new JvmOwner(MACHINE, NAMESPACE, 4711, "t123456");

        assertThat(owner.label()).isEqualTo(MACHINE + "/pid:[4026531836]/4711/t123456");
        assertThat(JvmOwner.parse(owner.label())).contains(owner);
    }

    @Test
    void should_read_this_jvms_namespace_and_start_from_proc() {
        JvmOwner owner = new JvmOwner(MACHINE, table().pidNamespace(), 100, table().startOf(100).orElseThrow());

        assertThat(owner).isEqualTo(judge);
    }

    @Test
    void should_name_this_jvms_pid_namespace_and_start_in_clock_ticks_on_linux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/ns")), "Linux");
        JvmOwner current = JvmOwner.current();

        assertThat(current.pidNamespace()).matches("pid:\\[\\d+]");
        assertThat(current.start()).matches("t\\d+");
        assertThat(current.hasEnded()).as("this JVM runs").isFalse();
    }

    @Test
    void should_read_an_old_label_as_an_owner_without_namespace_that_is_never_judged() {
        assertThat(JvmOwner.parse(MACHINE + "/4711/1733450000000")).hasValueSatisfying(owner -> {
            assertThat(owner.pidNamespace()).isNull();
            assertThat(owner.hasEnded(judge, table())).as("the pid is absent, but the namespace unknown").isFalse();
        });
    }

    @Test
    void should_not_read_labels_the_kit_did_not_write() {
        assertThat(JvmOwner.parse(null)).isEmpty();
        assertThat(JvmOwner.parse("someone")).isEmpty();
        assertThat(JvmOwner.parse(MACHINE + "/pid:[1]/not-a-pid/t1")).isEmpty();
    }

    @Test
    void should_judge_ended_an_owner_whose_pid_is_absent_from_a_proc_that_shows_every_process() {
        assertThat(owner(4711, "t5000").hasEnded(judge, table())).isTrue();
    }

    @Test
    void should_judge_ended_an_owner_whose_pid_now_belongs_to_a_process_started_more_than_5_s_apart() throws IOException {
        process(4711, 5000 + 501);

        assertThat(owner(4711, "t5000").hasEnded(judge, table())).isTrue();
    }

    @Test
    void should_keep_an_owner_whose_process_started_within_5_s() throws IOException {
        process(4711, 5000 + 500);

        assertThat(owner(4711, "t5000").hasEnded(judge, table())).isFalse();
    }

    @Test
    void should_keep_an_owner_whose_start_cannot_be_read() throws IOException {
        Files.createDirectories(proc.resolve("4711")); // hidepid=1: the directory is there, its files are not readable

        assertThat(owner(4711, "t5000").hasEnded(judge, table())).isFalse();
    }

    @Test
    void should_keep_an_owner_of_another_pid_namespace_even_when_its_pid_is_absent_here() {
        JvmOwner other = new JvmOwner(MACHINE, "pid:[4026532451]", 4711, "t5000");

        assertThat(other.hasEnded(judge, table())).isFalse();
    }

    @Test
    void should_keep_an_owner_of_another_machine() {
        JvmOwner other = new JvmOwner("other-host/0b7e", NAMESPACE, 4711, "t5000");

        assertThat(other.hasEnded(judge, table())).isFalse();
    }

    @Test
    void should_keep_an_owner_whose_start_was_not_known() {
        assertThat(owner(4711, "?").hasEnded(judge, table())).isFalse();
    }

    @Test
    void should_keep_an_absent_pid_when_proc_may_hide_processes() throws IOException {
        Files.writeString(proc.resolve("100/mountinfo"), "21 26 0:20 / /proc rw,relatime - proc proc rw,hidepid=invisible\n");

        assertThat(owner(4711, "t5000").hasEnded(judge, table())).isFalse();
    }

    @Test
    void should_judge_an_absent_pid_when_proc_hides_nothing_explicitly() throws IOException {
        Files.writeString(proc.resolve("100/mountinfo"), "21 26 0:20 / /proc rw,relatime - proc proc rw,hidepid=0\n");

        assertThat(owner(4711, "t5000").hasEnded(judge, table())).isTrue();
    }

    @Test
    void should_keep_an_absent_pid_when_proc_belongs_to_another_namespace() {
        ProcessTable parentsProc = new ProcessTable(proc, 1); // this JVM is pid 1 of its namespace; /proc/self says 100

        assertThat(owner(4711, "t5000").hasEnded(judge, parentsProc)).isFalse();
    }

    @Test
    void should_read_the_start_of_a_process_whose_name_holds_spaces_and_parentheses() throws IOException {
        Files.createDirectories(proc.resolve("4711"));
        Files.writeString(proc.resolve("4711/stat"), "4711 (my (odd) java) S 1 4711 4711 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 777 0 0\n");

        assertThat(table().startOf(4711)).contains("t777");
    }

    private ProcessTable table() {
        return new ProcessTable(proc, 100);
    }

    private static JvmOwner owner(long pid, String start) {
        return new JvmOwner(MACHINE, NAMESPACE, pid, start);
    }

    /** A /proc/<pid>/stat as Linux writes it, with {@code startTicks} in field 22. */
    private void process(long pid, long startTicks) throws IOException {
        Files.createDirectories(proc.resolve(String.valueOf(pid)));
        Files.writeString(proc.resolve(pid + "/stat"), pid + " (java) S 1 " + pid + " " + pid
                + " 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 30 0 " + startTicks + " 123456 789 18446744073709551615\n");
    }
}

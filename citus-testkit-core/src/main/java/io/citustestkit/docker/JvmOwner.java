package io.citustestkit.docker;

import org.apiguardian.api.API;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Which JVM created a container: the machine (host name and kernel boot id: a container of its own
 * has its own host name), its PID namespace (a CI job in a container that shares the host's Docker
 * socket and host name has its own), the process id and the process's start (pids are reused). From
 * the label alone a later JVM of the same machine and PID namespace can tell whether that JVM still runs.
 *
 * <p>The rule ({@link #hasEnded}): an owner has ended only when this JVM can prove it: same machine,
 * same PID namespace, and either the pid's {@code /proc} entry shows a process that started more than
 * {@value #START_TOLERANCE_SECONDS} s apart from the owner (the pid was reused), or the pid is absent
 * from a {@code /proc} that shows every process of this namespace ({@link ProcessTable#provablyAbsent}).
 * Everything else counts as alive: another machine or namespace, an unknown namespace, a pid that may
 * be hidden ({@code hidepid}), an unreadable start, a start within the tolerance, and labels written
 * before the namespace was part of them ({@code host/boot-id/pid/start-millis}: they cannot say which
 * namespace they came from; Ryuk, or {@code docker rm -f}, removes those).
 *
 * <pre>{@code
 * JvmOwner.current().label(); // build-7/5e1c.../pid:[4026531836]/4711/t123456
 * JvmOwner.parse(label).filter(JvmOwner::hasEnded).isPresent();
 * }</pre>
 *
 * @param machine host name and boot id
 * @param pidNamespace the PID namespace, e.g. {@code pid:[4026531836]}, or {@code null} for a label of the old format
 * @param pid the process id, in that namespace
 * @param start the process's start: {@code t<clock ticks since boot>} (Linux, immune to clock steps),
 *              {@code ms<epoch millis>} (no {@code /proc}), or {@code ?} when not known
 */
@API(status = INTERNAL, since = "0.1")
public record JvmOwner(String machine, String pidNamespace, long pid, String start) {

    public static final int START_TOLERANCE_SECONDS = 5;
    /** Linux reports process starts in clock ticks of {@code USER_HZ}, 100 per second on every common architecture. */
    private static final long TICKS_PER_SECOND = 100;
    private static final String UNKNOWN_START = "?";

    private static final JvmOwner CURRENT = of(ProcessTable.local(), thisMachine());

    public static JvmOwner current() {
        return CURRENT;
    }

    public static JvmOwner of(ProcessTable table, String machine) {
        long pid = ProcessHandle.current().pid();
        return new JvmOwner(machine, table.pidNamespace(), pid, table.startOf(pid).orElse(UNKNOWN_START));
    }

    /** The label value: {@code host/boot-id/pid-namespace/pid/start}. */
    public String label() {
        return machine + "/" + pidNamespace + "/" + pid + "/" + start;
    }

    /**
     * The owner a label names, if it is one this kit wrote: {@code host/boot-id/pid-namespace/pid/start},
     * or the old {@code host/boot-id/pid/start-millis} (with no namespace: never judged).
     */
    public static Optional<JvmOwner> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String[] parts = label.split("/", -1);
        try {
            if (parts.length == 5 && parts[2].startsWith("pid:")) {
                return Optional.of(new JvmOwner(parts[0] + "/" + parts[1], parts[2], Long.parseLong(parts[3]), parts[4]));
            }
            if (parts.length == 4) {
                return Optional.of(new JvmOwner(parts[0] + "/" + parts[1], null, Long.parseLong(parts[2]), parts[3]));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether this owner provably no longer runs, judged by this JVM (see the rule in the class comment). */
    public boolean hasEnded() {
        return hasEnded(CURRENT, ProcessTable.local());
    }

    /** Whether this owner provably no longer runs, judged by {@code judge}, which sees {@code table}. */
    public boolean hasEnded(JvmOwner judge, ProcessTable table) {
        if (pidNamespace == null || !machine.equals(judge.machine) || !pidNamespace.equals(judge.pidNamespace)
                || pidNamespace.equals(ProcessTable.UNKNOWN_NAMESPACE) || start.equals(UNKNOWN_START)) {
            return false;
        }
        Optional<String> now = table.startOf(pid);
        if (now.isPresent()) {
            return apart(start, now.get());
        }
        return table.provablyAbsent(pid);
    }

    /** Whether two starts of the same kind lie more than the tolerance apart (starts of different kinds: not known). */
    private static boolean apart(String recorded, String seen) {
        if (recorded.startsWith(ProcessTable.TICKS) && seen.startsWith(ProcessTable.TICKS)) {
            return difference(recorded, seen, ProcessTable.TICKS) > START_TOLERANCE_SECONDS * TICKS_PER_SECOND;
        }
        if (recorded.startsWith(ProcessTable.MILLIS) && seen.startsWith(ProcessTable.MILLIS)) {
            return difference(recorded, seen, ProcessTable.MILLIS) > START_TOLERANCE_SECONDS * 1000L;
        }
        return false;
    }

    private static long difference(String recorded, String seen, String unit) {
        try {
            return Math.abs(Long.parseLong(recorded.substring(unit.length())) - Long.parseLong(seen.substring(unit.length())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String thisMachine() {
        return hostName() + "/" + read(Path.of("/proc/sys/kernel/random/boot_id")).orElse("no-boot-id");
    }

    private static String hostName() {
        return read(Path.of("/etc/hostname")).orElseGet(() -> {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown-host";
            }
        });
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).strip()).filter(s -> !s.isEmpty());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

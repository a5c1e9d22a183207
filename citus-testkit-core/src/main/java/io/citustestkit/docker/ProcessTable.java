package io.citustestkit.docker;

import org.apiguardian.api.API;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What this JVM can prove about the processes of its own machine and PID namespace, read from
 * {@code /proc} (on Linux) or from {@link ProcessHandle} (where there is no {@code /proc}, and no PID
 * namespaces): its PID namespace, a process's start, and whether a pid is certainly not running.
 * Anything it cannot read is "not known", never "ended".
 *
 * <pre>{@code
 * ProcessTable table = ProcessTable.local();
 * table.pidNamespace();   // pid:[4026531836]
 * table.startOf(4711);    // Optional[t123456] (clock ticks since boot)
 * table.provablyAbsent(4711);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ProcessTable {

    /** The namespace of a system without {@code /proc} (no PID namespaces there). */
    public static final String NO_NAMESPACES = "pid:none";
    /** The namespace when {@code /proc/self/ns/pid} cannot be read. */
    public static final String UNKNOWN_NAMESPACE = "pid:unknown";
    /** Prefix of a start in clock ticks since boot ({@code /proc/<pid>/stat}, field 22). */
    public static final String TICKS = "t";
    /** Prefix of a start in epoch milliseconds ({@link ProcessHandle.Info#startInstant()}). */
    public static final String MILLIS = "ms";

    private static final ProcessTable LOCAL = new ProcessTable(Path.of("/proc"), ProcessHandle.current().pid());

    private final Path proc;
    private final long ownPid;
    private final boolean hasProc;

    public ProcessTable(Path proc, long ownPid) {
        this.proc = proc;
        this.ownPid = ownPid;
        this.hasProc = Files.isDirectory(proc.resolve("self"));
    }

    public static ProcessTable local() {
        return LOCAL;
    }

    /** {@return this JVM's PID namespace, e.g. {@code pid:[4026531836]}} */
    public String pidNamespace() {
        if (!hasProc) {
            return NO_NAMESPACES;
        }
        try {
            String link = Files.readSymbolicLink(proc.resolve("self/ns/pid")).toString();
            return link.startsWith("pid:") && !link.contains("/") ? link : UNKNOWN_NAMESPACE;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return UNKNOWN_NAMESPACE;
        }
    }

    /** The start of process {@code pid} as this JVM sees it, if it can read it. */
    public Optional<String> startOf(long pid) {
        if (!hasProc) {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().startInstant()).map(start -> MILLIS + start.toEpochMilli());
        }
        try {
            String stat = Files.readString(proc.resolve(pid + "/stat"));
            // pid (comm) state ppid ...: comm may hold spaces and parentheses, the fields after the last ')' do not
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
            return Optional.of(TICKS + Long.parseLong(fields[19])); // field 22 of the whole line
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether no process {@code pid} runs in this JVM's PID namespace, for certain: its {@code /proc}
     * entry is absent from a {@code /proc} that belongs to this namespace ({@code /proc/self} is this
     * JVM) and hides no process ({@code hidepid} off). Where there is no {@code /proc}, whether
     * {@link ProcessHandle} knows no such process.
     */
    public boolean provablyAbsent(long pid) {
        if (!hasProc) {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty();
        }
        return showsEveryProcessOfThisNamespace() && !Files.exists(proc.resolve(String.valueOf(pid)));
    }

    private boolean showsEveryProcessOfThisNamespace() {
        try {
            if (!Files.readSymbolicLink(proc.resolve("self")).toString().equals(String.valueOf(ownPid))) {
                return false; // a /proc of another namespace: our pids are not its pids
            }
            List<String> mounts = Files.readAllLines(proc.resolve("self/mountinfo"));
            return mounts.stream().filter(ProcessTable::isProcMount).findFirst().map(ProcessTable::hidesNothing).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A line of {@code mountinfo} for {@code /proc}: {@code 21 26 0:20 / /proc rw,relatime - proc proc rw,hidepid=2}. */
    private static boolean isProcMount(String line) {
        String[] fields = line.split(" ");
        return fields.length > 4 && fields[4].equals("/proc") && line.contains(" - proc ");
    }

    private static boolean hidesNothing(String line) {
        String superOptions = line.substring(line.indexOf(" - proc ") + " - proc ".length());
        superOptions = superOptions.substring(superOptions.indexOf(' ') + 1);
        for (String option : superOptions.split(",")) {
            if (option.startsWith("hidepid=")) {
                String value = option.substring("hidepid=".length());
                return value.equals("0") || value.equals("off");
            }
        }
        return true;
    }
}

package io.citustestkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Which JVM created a container: the machine (host name and kernel boot id: a container of its own
 * has its own host name), the process id and the process's start time (pids are reused). From the
 * label alone a later JVM on the same machine can tell whether that JVM still runs.
 *
 * @param machine host name and boot id
 * @param pid the process id
 * @param startMillis the process's start, in epoch milliseconds
 */
record JvmOwner(String machine, long pid, long startMillis) {

    private static final JvmOwner CURRENT = new JvmOwner(thisMachine(), ProcessHandle.current().pid(),
            ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L));

    static JvmOwner current() {
        return CURRENT;
    }

    /** The label value: {@code machine/pid/startMillis}. */
    String label() {
        return machine + "/" + pid + "/" + startMillis;
    }

    /** The owner a label names, if it is one this kit wrote. */
    static Optional<JvmOwner> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        int last = label.lastIndexOf('/');
        int middle = last > 0 ? label.lastIndexOf('/', last - 1) : -1;
        if (middle <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JvmOwner(label.substring(0, middle), Long.parseLong(label.substring(middle + 1, last)),
                    Long.parseLong(label.substring(last + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this owner is a JVM on this machine that no longer runs: its pid is gone, or now belongs
     * to a process started at another time. An owner on another machine is never judged ended.
     */
    boolean hasEnded() {
        if (!machine.equals(CURRENT.machine) || startMillis == 0) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return started.isPresent() && Math.abs(started.get().toEpochMilli() - startMillis) > 1000;
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

package io.citustestkit.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.output.OutputFrame;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Receives a node container's output: forwards every line to SLF4J (logger
 * {@code io.citustestkit.node.<name>}, DEBUG level) and keeps the last lines for error messages.
 *
 * <pre>{@code
 * NodeLog log = new NodeLog("worker-1");
 * container.withLogConsumer(log);
 * ... log.tail(); // the last lines, for an error message
 * }</pre>
 */
public final class NodeLog implements Consumer<OutputFrame> {

    static final int KEPT_LINES = 30;

    /** What PostgreSQL logs when it accepts connections (the image's temporary init server, then the real one). */
    static final String READY_LINE = "database system is ready to accept connections";

    private final Logger logger;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger readyLines = new java.util.concurrent.atomic.AtomicInteger();

    public NodeLog(String nodeName) {
        this.logger = LoggerFactory.getLogger("io.citustestkit.node." + nodeName);
    }

    @Override
    public void accept(OutputFrame frame) {
        if (frame.getType() == OutputFrame.OutputType.END) {
            return;
        }
        String text = frame.getUtf8StringWithoutLineEnding();
        for (String line : text.split("\n")) {
            logger.debug("{}", line);
            if (line.contains(READY_LINE)) {
                readyLines.incrementAndGet();
            }
            synchronized (lastLines) {
                lastLines.addLast(line);
                while (lastLines.size() > KEPT_LINES) {
                    lastLines.removeFirst();
                }
            }
        }
    }

    /** How often the node logged that it is ready to accept connections. */
    public int readyLines() {
        return readyLines.get();
    }

    /** The last lines the node printed, oldest first. */
    public List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    /** The last lines, indented for an error message, or a note that there were none. */
    public String tail() {
        List<String> lines = lastLines();
        if (lines.isEmpty()) {
            return "    (the node printed nothing)";
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append("    | ").append(line).append('\n');
        }
        return out.toString().stripTrailing();
    }
}

package io.citustestkit.node;

import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.output.OutputFrame;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import static org.apiguardian.api.API.Status.INTERNAL;

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
@API(status = INTERNAL, since = "0.1")
public final class NodeLog implements Consumer<OutputFrame> {

    public static final int KEPT_LINES = 30;

    private final Logger logger;
    private final Deque<String> lastLines = new ArrayDeque<>();

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
            synchronized (lastLines) {
                lastLines.addLast(line);
                while (lastLines.size() > KEPT_LINES) {
                    lastLines.removeFirst();
                }
            }
        }
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

package course.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The JVM's JSON thread dump ({@link HotSpotDiagnosticMXBean#dumpThreads} with
 * {@code ThreadDumpFormat.JSON}, the same as {@code jcmd <pid> Thread.dump_to_file -format=json}),
 * read back. The dump groups threads by <em>thread container</em>: the root, each executor
 * that tracks its threads, and each {@code StructuredTaskScope}, whose parent and owner thread
 * it names. So a dump shows the tree of a structured program, virtual threads included.
 *
 * <pre>{@code
 * for (var c : ThreadDumps.take().containers(name -> name.startsWith("course-"))) System.out.println(c);
 * }</pre>
 *
 * @param runtimeVersion the JVM's version, as the dump reports it
 * @param containers     every thread container of the dump, in the dump's order
 */
public record ThreadDumps(String runtimeVersion, List<Container> containers) {
    /**
     * One thread container of a dump.
     *
     * @param name    the container's name, e.g. {@code java.util.concurrent.StructuredTaskScopeImpl@1a2b}
     * @param parent  the parent container's name, or null for the root
     * @param owner   the id of the thread that owns it, or -1 when none does
     * @param threads its threads (name, virtual or not, state, carrier when mounted)
     */
    public record Container(String name, String parent, long owner, List<ThreadInfo> threads) {
    }

    /** One thread of a dump: {@code carrier} is the carrier's thread id for a mounted virtual thread, else -1. */
    public record ThreadInfo(long tid, String name, boolean virtual, String state, long carrier, String topFrame) {
    }

    /** Takes a dump of this JVM now, and reads it back. */
    public static ThreadDumps take() {
        try {
            Path dir = Files.createTempDirectory("course-thread-dump");
            Path file = dir.resolve("threads.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toAbsolutePath().toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                return parse(Files.readString(file));
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not take a thread dump", e);
        }
    }

    /** Reads a JSON thread dump's text. */
    public static ThreadDumps parse(String json) throws IOException {
        Objects.requireNonNull(json, "json");
        JsonNode dump = new ObjectMapper().readTree(json).path("threadDump");
        List<Container> containers = new ArrayList<>();
        for (JsonNode c : dump.path("threadContainers")) {
            List<ThreadInfo> threads = new ArrayList<>();
            for (JsonNode t : c.path("threads")) {
                JsonNode stack = t.path("stack");
                threads.add(new ThreadInfo(t.path("tid").asLong(), t.path("name").asText(), t.path("virtual").asBoolean(false),
                        t.path("state").asText(), t.path("carrier").asLong(-1), stack.isEmpty() ? "" : stack.get(0).asText()));
            }
            containers.add(new Container(c.path("container").asText(), c.path("parent").isNull() ? null : c.path("parent").asText(),
                    c.path("owner").isNull() ? -1 : c.path("owner").asLong(-1), List.copyOf(threads)));
        }
        return new ThreadDumps(dump.path("runtimeVersion").asText(), List.copyOf(containers));
    }

    /** The containers that hold at least one thread whose name matches. */
    public List<Container> containers(Predicate<String> threadName) {
        Objects.requireNonNull(threadName, "threadName");
        return containers.stream().filter(c -> c.threads().stream().anyMatch(t -> threadName.test(t.name()))).toList();
    }
}

package course.results;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark run was measured on, and how: the small record {@code make bench} writes next
 * to JMH's JSON as {@code <host>-<date>.machine.json}.
 *
 * <p>The machine: host name, cores the JVM sees, the JDK (version and vendor), the VM, the
 * operating system and architecture, the CPU model (from {@code /proc/cpuinfo} on Linux,
 * {@code "unknown"} elsewhere) and the physical memory in MiB (0 when unknown). The run: the
 * profile's name ({@code quick} or {@code full}), its settings in words (forks, warm-up and
 * measurement iterations), when it started, how long it took, and a free-form note.
 *
 * <pre>{@code
 * Machine here = Machine.probe("quick", "1 fork, 1 x 1 s warm-up, 2 x 1 s measurement",
 *         Instant.now(), 0, "");
 * DataFiles.write(Path.of("run.machine.json"), here);
 * }</pre>
 *
 * @param host           the host name
 * @param cores          processors available to the JVM
 * @param jdk            {@code java.version}
 * @param jdkVendor      {@code java.vendor}
 * @param vm             VM name and version
 * @param os             OS name and version
 * @param arch           {@code os.arch}
 * @param cpuModel       the CPU's model name, or {@code "unknown"}
 * @param memoryMiB      physical memory in MiB, 0 when unknown
 * @param profile        the benchmark profile's name
 * @param settings       the profile's settings in words
 * @param startedAt      when the run started (ISO-8601 instant)
 * @param elapsedSeconds how long the run took
 * @param note           anything worth knowing about the run (for example: a shared machine)
 */
public record Machine(String host, int cores, String jdk, String jdkVendor, String vm, String os, String arch,
                      String cpuModel, long memoryMiB, String profile, String settings, String startedAt,
                      long elapsedSeconds, String note) {
    /**
     * @throws NullPointerException     when a text field is null
     * @throws IllegalArgumentException when cores is not positive or a count is negative; the
     *                                  message starts with the field's name
     */
    public Machine {
        text("host", host);
        text("jdk", jdk);
        text("jdkVendor", jdkVendor);
        text("vm", vm);
        text("os", os);
        text("arch", arch);
        text("cpuModel", cpuModel);
        text("profile", profile);
        text("settings", settings);
        text("startedAt", startedAt);
        text("note", note);
        if (cores < 1) {
            throw new IllegalArgumentException("cores: expected at least 1 core, found " + cores);
        }
        if (memoryMiB < 0) {
            throw new IllegalArgumentException("memoryMiB: expected a size that is not negative (0 when unknown), found "
                    + memoryMiB);
        }
        if (elapsedSeconds < 0) {
            throw new IllegalArgumentException("elapsedSeconds: expected a duration that is not negative, found "
                    + elapsedSeconds);
        }
    }

    private static void text(String field, String value) {
        if (value == null) {
            throw new NullPointerException(field + ": expected text, found null");
        }
    }

    /** This JVM's machine, with the run's details filled in. */
    public static Machine probe(String profile, String settings, Instant startedAt, long elapsedSeconds,
                                String note) {
        return new Machine(hostName(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), cpuModel(Path.of("/proc/cpuinfo")), physicalMemoryMiB(),
                profile, settings, startedAt.toString(), elapsedSeconds, note);
    }

    /** The host name: {@code HOSTNAME} if set, else the local host's name, else {@code "host"}. */
    public static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "host";
        }
    }

    /** The first {@code model name} line of a cpuinfo file, or {@code "unknown"}. */
    static String cpuModel(Path cpuinfo) {
        try {
            List<String> lines = Files.readAllLines(cpuinfo);
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
                    int colon = line.indexOf(':');
                    if (colon >= 0) {
                        return line.substring(colon + 1).strip();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: fall through
        }
        return "unknown";
    }

    private static long physicalMemoryMiB() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return 0;
    }

    /** One line for a chart caption: cores, CPU, JDK, profile. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d cores, %s, JDK %s, %s profile", host, cores, cpuModel, jdk, profile);
    }
}

package course.results;

import course.data.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import static course.data.BadInput.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machine record: probing this JVM, reading the CPU model, rejecting bad values. */
class MachineTest {
    @TempDir
    Path dir;

    @Test
    void probeDescribesThisJvm() {
        Machine m = Machine.probe("quick", "1 fork", Instant.EPOCH, 3, "");
        assertEquals(Runtime.getRuntime().availableProcessors(), m.cores());
        assertEquals(System.getProperty("java.version"), m.jdk());
        assertTrue(m.summary().contains("quick profile"));
    }

    @Test
    void cpuModelComesFromTheFirstModelNameLine() throws IOException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nmodel name\t: Test CPU @ 2.00GHz\nprocessor\t: 1\nmodel name\t: other\n");
        assertEquals("Test CPU @ 2.00GHz", Machine.cpuModel(cpuinfo));
        assertEquals("unknown", Machine.cpuModel(dir.resolve("missing")));
    }

    static Stream<Arguments> impossibleMachines() {
        return Stream.of(
                invalid("a null host", () -> new Machine(null, 2, "25", "v", "vm", "os", "x", "cpu", 1, "quick", "s", "t", 0, ""),
                        NullPointerException.class, "host: expected text, found null"),
                invalid("a null jdk", () -> new Machine("h", 2, null, "v", "vm", "os", "x", "cpu", 1, "quick", "s", "t", 0, ""),
                        NullPointerException.class, "jdk: expected text, found null"),
                invalid("a null jdk vendor", () -> new Machine("h", 2, "25", null, "vm", "os", "x", "cpu", 1, "quick", "s", "t", 0, ""),
                        NullPointerException.class, "jdkVendor: expected text, found null"),
                invalid("a null vm", () -> new Machine("h", 2, "25", "v", null, "os", "x", "cpu", 1, "quick", "s", "t", 0, ""),
                        NullPointerException.class, "vm: expected text, found null"),
                invalid("a null os", () -> new Machine("h", 2, "25", "v", "vm", null, "x", "cpu", 1, "quick", "s", "t", 0, ""),
                        NullPointerException.class, "os: expected text, found null"),
                invalid("a null arch", () -> new Machine("h", 2, "25", "v", "vm", "os", null, "cpu", 1, "quick", "s", "t", 0, ""),
                        NullPointerException.class, "arch: expected text, found null"),
                invalid("a null cpu model", () -> new Machine("h", 2, "25", "v", "vm", "os", "x", null, 1, "quick", "s", "t", 0, ""),
                        NullPointerException.class, "cpuModel: expected text, found null"),
                invalid("a null profile", () -> new Machine("h", 2, "25", "v", "vm", "os", "x", "cpu", 1, null, "s", "t", 0, ""),
                        NullPointerException.class, "profile: expected text, found null"),
                invalid("null settings", () -> new Machine("h", 2, "25", "v", "vm", "os", "x", "cpu", 1, "quick", null, "t", 0, ""),
                        NullPointerException.class, "settings: expected text, found null"),
                invalid("a null start", () -> new Machine("h", 2, "25", "v", "vm", "os", "x", "cpu", 1, "quick", "s", null, 0, ""),
                        NullPointerException.class, "startedAt: expected text, found null"),
                invalid("a null note", () -> new Machine("h", 2, "25", "v", "vm", "os", "x", "cpu", 1, "quick", "s", "t", 0, null),
                        NullPointerException.class, "note: expected text, found null"),
                invalid("no cores", () -> new Machine("h", 0, "25", "v", "vm", "os", "x", "cpu", 1, "quick", "s", "t", 0, ""),
                        IllegalArgumentException.class, "cores: expected at least 1 core, found 0"),
                invalid("negative memory", () -> new Machine("h", 2, "25", "v", "vm", "os", "x", "cpu", -1, "quick", "s", "t", 0, ""),
                        IllegalArgumentException.class, "memoryMiB: expected a size that is not negative (0 when unknown), found -1"),
                invalid("a negative duration", () -> new Machine("h", 2, "25", "v", "vm", "os", "x", "cpu", 1, "quick", "s", "t", -5, ""),
                        IllegalArgumentException.class, "elapsedSeconds: expected a duration that is not negative, found -5"));
    }

    @ParameterizedTest
    @MethodSource("impossibleMachines")
    void rejectsImpossibleValuesNamingTheField(Executable construct, Class<? extends Throwable> type, String message) {
        BadInput.assertRejected(construct, type, message);
    }

    @Test
    void acceptsUnknownMemoryAndAnEmptyNote() {
        assertEquals(0, new Machine("h", 1, "25", "v", "vm", "os", "x", "unknown", 0, "quick", "", "t", 0, "").memoryMiB());
    }
}

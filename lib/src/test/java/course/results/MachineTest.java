package course.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void rejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class,
                () -> new Machine("h", 0, "25", "v", "vm", "os", "x", "cpu", 1, "quick", "s", "t", 0, ""));
        assertThrows(NullPointerException.class,
                () -> new Machine("h", 2, null, "v", "vm", "os", "x", "cpu", 1, "quick", "s", "t", 0, ""));
    }
}
